import path from 'node:path';
import { config } from '../config';
import type { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';

export type { ByteRange, FileStore, StoredFile } from './file-store';

let store: FileStore | undefined;

/** The process-wide store: DATA_DIR/files unless a test put another one in place. */
export function fileStore(): FileStore {
	store ??= new LocalFileStore(path.join(config().DATA_DIR, 'files'));
	return store;
}

/** Tests (and later an S3 set-up) replace the store; pass nothing to go back to the default. */
export function useFileStore(next?: FileStore): void {
	store = next;
}

/** Where uploads are received before they are complete; same file system as the store. */
export const uploadTempDir = (): string => path.join(config().DATA_DIR, 'tmp');
