import type { Db } from '../db/index';
import { nowDb } from '../db/time';
import { logger } from '../log';
import type { FileStore } from './file-store';
import { forgetMissingFiles, listMaterialsWithMissingFile, listMissingFileKeys, noteMissingFile } from './missing-files.repository';

/**
 * A download found its stored file gone (http/download-response.ts calls this
 * through StoredBody.onMissing): an error in the log for the operator,
 * and a note the coordinator's dashboard reads. Noting it must not turn the
 * user's clear 404 into a 500, so a failure to write is only logged.
 */
export async function reportMissingFile(db: Db, file: { sha256: string; fileName: string }): Promise<void> {
	logger.error('stored file missing', { sha256: file.sha256, fileName: file.fileName });
	try {
		await noteMissingFile(db, file.sha256, nowDb());
	} catch (err) {
		logger.error('could not note a missing file', { sha256: file.sha256, error: String(err) });
	}
}

/**
 * The materials whose current file is missing, for the dashboard. A note is
 * forgotten once it no longer matters: the file is back in the store (restored,
 * or the same file uploaded again), or no material in use has it as its newest
 * version (replaced, retired, archived). So the warning goes once it is mended.
 */
export async function materialsWithMissingFile(db: Db, store: FileStore) {
	const noted = await listMissingFileKeys(db);
	if (!noted.length) return [];
	const missing = [];
	for (const material of await listMaterialsWithMissingFile(db)) if (!(await store.has(material.sha256))) missing.push(material);
	const stillMissing = new Set(missing.map((m) => m.sha256));
	await forgetMissingFiles(
		db,
		noted.filter((sha256) => !stillMissing.has(sha256))
	);
	return missing.map(({ id, titleNl, titleEn, editionName, requests }) => ({ id, titleNl, titleEn, editionName, requests }));
}
