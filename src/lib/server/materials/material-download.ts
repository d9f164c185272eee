import type { Db } from '../db/index';
import type { Download } from '../http/download';
import { fileStore } from '../storage';
import { reportMissingFile } from '../storage/missing-files.service';
import type { DownloadGrant } from './material-read.service';

/**
 * A material's file version as a download from the store: streamed, with byte
 * ranges (http/file-response.ts). A file gone from the store is noted for the
 * coordinator's dashboard (storage/missing-files.service.ts).
 */
export function materialFileDownload(db: Db, grant: Extract<DownloadGrant, { kind: 'file' }>): Download {
	const v = grant.version;
	const onMissing = () => reportMissingFile(db, { sha256: v.sha256, fileName: v.originalName });
	return { filename: v.originalName, contentType: v.contentType, body: { store: fileStore(), sha256: v.sha256, size: v.size, onMissing } };
}
