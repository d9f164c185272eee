import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSha256, type ByteRange, type FileStore, type StoredFile } from './file-store';

async function hashFile(file: string): Promise<StoredFile> {
	const hash = createHash('sha256');
	let size = 0;
	await pipeline(createReadStream(file), async function* (source: AsyncIterable<Buffer>) {
		for await (const chunk of source) {
			hash.update(chunk);
			size += chunk.length;
		}
		yield* [];
	});
	return { sha256: hash.digest('hex'), size };
}

async function sizeOf(file: string): Promise<number | null> {
	try {
		return (await stat(file)).size;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}

/**
 * Files under <root>/<first two hex digits>/<sha256>. A file appears there only by
 * rename of a complete temporary file (atomic on one file system), so a reader never
 * sees half a file; the temporary directory must be on the same file system.
 */
export class LocalFileStore implements FileStore {
	constructor(private readonly root: string) {}

	private pathOf(sha256: string): string {
		assertSha256(sha256);
		return path.join(this.root, sha256.slice(0, 2), sha256);
	}

	async put(tempFile: string, known?: StoredFile): Promise<StoredFile> {
		const stored = known ? { sha256: known.sha256, size: known.size } : await hashFile(tempFile);
		const target = this.pathOf(stored.sha256);
		if ((await sizeOf(target)) !== null) {
			await rm(tempFile, { force: true });
			return stored;
		}
		await mkdir(path.dirname(target), { recursive: true });
		// Two uploads of the same bytes at once both rename: the second replaces identical content.
		await rename(tempFile, target);
		return stored;
	}

	async has(sha256: string): Promise<boolean> {
		return (await sizeOf(this.pathOf(sha256))) !== null;
	}

	async stat(sha256: string): Promise<StoredFile | null> {
		const size = await sizeOf(this.pathOf(sha256));
		return size === null ? null : { sha256, size };
	}

	async openRead(sha256: string, range?: ByteRange): Promise<Readable> {
		const file = this.pathOf(sha256);
		const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
		// Surface a missing file as a rejected promise here rather than as a stream error mid-response.
		await new Promise<void>((resolve, reject) => {
			stream.once('open', () => resolve());
			stream.once('error', reject);
		});
		return stream;
	}

	async remove(sha256: string): Promise<void> {
		await rm(this.pathOf(sha256), { force: true });
	}
}
