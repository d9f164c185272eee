import fs from 'node:fs';
import path from 'node:path';

/**
 * Backups of the embedded database and the uploads, for `npm run db:backup`.
 * No Kit aliases: this runs from the command line (tsx) as well as in tests.
 *
 * Order matters for consistency. The database is copied first, online, as one
 * committed state while the app keeps writing (see backupSqliteFile), and the
 * uploads after it. Uploads are content-addressed and each is on disk before the
 * row that names it commits, so every file the copied database refers to already
 * exists when the folder is copied a moment later.
 */

export interface BackupResult {
	folder: string;
	database: string | null;
	files: number;
	bytes: number;
}

/** "backup-2026-12-05T081502Z": sorts by time, safe in every file system. */
export const backupFolderName = (at: Date) =>
	`backup-${at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}`;

/** Paths inside DATA_DIR never copied: the live database files, half-received uploads, the backups themselves (a target inside DATA_DIR). */
function skipped(dataDir: string, databaseFile: string | null, targetDir: string): Set<string> {
	const skip = new Set([path.resolve(dataDir, 'tmp'), path.resolve(targetDir)]);
	if (databaseFile) for (const suffix of ['', '-wal', '-shm', '-journal']) skip.add(path.resolve(databaseFile + suffix));
	return skip;
}

/** Copies DATA_DIR (uploads: materials, logos, import files) into the backup folder, file by file. */
export function copyUploads(dataDir: string, folder: string, databaseFile: string | null, targetDir: string): { files: number; bytes: number } {
	const skip = skipped(dataDir, databaseFile, targetDir);
	let files = 0;
	let bytes = 0;
	const walk = (from: string, to: string) => {
		for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
			const source = path.join(from, entry.name);
			if (skip.has(path.resolve(source))) continue;
			const target = path.join(to, entry.name);
			if (entry.isDirectory()) {
				fs.mkdirSync(target, { recursive: true });
				walk(source, target);
			} else if (entry.isFile()) {
				fs.copyFileSync(source, target);
				files++;
				bytes += fs.statSync(target).size;
			}
		}
	};
	if (fs.existsSync(dataDir)) walk(dataDir, folder);
	return { files, bytes };
}

/**
 * Online copy of a SQLite database into `target` (a new file), checked afterwards
 * with `PRAGMA integrity_check`. Uses its own connection: the app keeps running.
 * `VACUUM INTO` reads the whole database in one read transaction, which in WAL
 * mode never blocks the app's writers and is never disturbed by them: the copy is
 * the last state committed when it started. (The page-by-page backup API restarts
 * whenever another connection writes, so under steady traffic it may never end.)
 */
export async function backupSqliteFile(source: string, target: string): Promise<void> {
	const { default: SQLite } = await import('better-sqlite3');
	const db = new SQLite(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('VACUUM INTO ?').run(target);
	} finally {
		db.close();
	}
	const copy = new SQLite(target, { readonly: true });
	try {
		const check = copy.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
	} finally {
		copy.close();
	}
}

/**
 * A backup of the embedded database and the uploads into `<targetDir>/backup-<time>/`.
 * The database keeps its path relative to DATA_DIR (normally `app.sqlite`), so
 * restoring is copying the folder's contents into an empty DATA_DIR.
 */
export async function backupSqliteDataDir(opts: { databaseFile: string; dataDir: string; targetDir: string; now: Date }): Promise<BackupResult> {
	const folder = path.resolve(opts.targetDir, backupFolderName(opts.now));
	if (fs.existsSync(folder)) throw new Error(`${folder} exists already`);
	fs.mkdirSync(folder, { recursive: true });
	const relative = path.relative(path.resolve(opts.dataDir), path.resolve(opts.databaseFile));
	const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
	const database = path.join(folder, inside ? relative : path.basename(opts.databaseFile));
	fs.mkdirSync(path.dirname(database), { recursive: true });
	await backupSqliteFile(opts.databaseFile, database);
	const copied = copyUploads(opts.dataDir, folder, opts.databaseFile, opts.targetDir);
	return { folder, database, ...copied };
}
