import type { DbTime } from '../time';

/** A stored file that was asked for and not found (storage/missing-files.repository.ts). */
export interface MissingFilesTable {
	sha256: string;
	firstNoticedAt: DbTime;
	lastNoticedAt: DbTime;
	requests: number;
}
