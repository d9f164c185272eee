import type { Download } from '../http/download';
import { fileStore } from '../storage';
import type { DownloadGrant } from './material-read.service';

/** A material's file version as a download from the store: streamed, with byte ranges (http/file-response.ts). */
export function materialFileDownload(grant: Extract<DownloadGrant, { kind: 'file' }>): Download {
	const v = grant.version;
	return { filename: v.originalName, contentType: v.contentType, body: { store: fileStore(), sha256: v.sha256, size: v.size } };
}
