import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../../config';

/**
 * Uploaded import files, kept under their SHA-256 in DATA_DIR/imports for an hour
 * so the preview and the confirm step (plain links and forms, no JavaScript) find
 * them again. With several app processes, DATA_DIR must be storage they share.
 * Stale files go whenever a new one is stored, and the housekeeping timer
 * (lib/server/startup.ts) calls removeStaleImportFiles too, so files of an
 * abandoned preview do not wait for the next upload.
 */
export const importFileLifetimeMs = 60 * 60_000;
const fileIdPattern = /^[0-9a-f]{64}$/;

export const importDir = () => path.resolve(config().DATA_DIR, 'imports');
export const isImportFileId = (value: string | null | undefined): value is string => !!value && fileIdPattern.test(value);

const fileOf = (id: string) => path.join(importDir(), `${id}.csv`);

/** Stores the bytes and returns their id (SHA-256, hex). Storing the same file again restarts its hour. */
export async function storeImportFile(bytes: Uint8Array, now = Date.now()): Promise<string> {
	const id = createHash('sha256').update(bytes).digest('hex');
	await fs.mkdir(importDir(), { recursive: true });
	await removeStaleImportFiles(now);
	// Written aside and renamed: a reader never sees half a file.
	const temp = `${fileOf(id)}.${randomBytes(6).toString('hex')}.tmp`;
	await fs.writeFile(temp, bytes);
	await fs.rename(temp, fileOf(id));
	return id;
}

/** The stored bytes, or null when the id is malformed, unknown or older than an hour. */
export async function readImportFile(id: string, now = Date.now()): Promise<Buffer | null> {
	if (!isImportFileId(id)) return null;
	try {
		const stat = await fs.stat(fileOf(id));
		if (now - stat.mtimeMs > importFileLifetimeMs) return null;
		return await fs.readFile(fileOf(id));
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}

/** Deletes files older than an hour; returns how many went. */
export async function removeStaleImportFiles(now = Date.now()): Promise<number> {
	let names: string[];
	try {
		names = await fs.readdir(importDir());
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw err;
	}
	let removed = 0;
	for (const name of names) {
		if (!name.endsWith('.csv') && !name.endsWith('.tmp')) continue;
		const file = path.join(importDir(), name);
		try {
			if (now - (await fs.stat(file)).mtimeMs > importFileLifetimeMs) {
				await fs.unlink(file);
				removed++;
			}
		} catch (err) {
			// Another process removed it first.
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
		}
	}
	return removed;
}
