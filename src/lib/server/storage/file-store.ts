import type { Readable } from 'node:stream';

/** A stored file is known by the SHA-256 of its bytes: the same content is stored once. */
export interface StoredFile {
	sha256: string;
	size: number;
}

/** Inclusive byte positions, as in an HTTP Range header. */
export interface ByteRange {
	start: number;
	end: number;
}

/**
 * Where uploaded files live. Kept small and content-addressed so an S3-compatible
 * store (objects keyed by sha256, ranged GETs) can replace the local directory later.
 */
export interface FileStore {
	/**
	 * Takes ownership of a complete temporary file: moves it into place (or deletes it
	 * when the content is already stored). `known` skips re-hashing when the caller
	 * hashed the bytes while receiving them.
	 */
	put(tempFile: string, known?: StoredFile): Promise<StoredFile>;
	has(sha256: string): Promise<boolean>;
	stat(sha256: string): Promise<StoredFile | null>;
	/** A stream of the file's bytes (or one range of them); never buffers the whole file. */
	openRead(sha256: string, range?: ByteRange): Promise<Readable>;
	remove(sha256: string): Promise<void>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Refuses anything but a lowercase hex digest, so a key can never become a path. */
export function assertSha256(sha256: string): void {
	if (!sha256Pattern.test(sha256)) throw new Error('Not a SHA-256 digest');
}
