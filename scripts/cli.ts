import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider } from 'kysely';
import { config, maskUrl } from '../src/lib/server/config';
import { openDatabase, type DbHandle } from '../src/lib/server/db/dialect';
import { migrateToLatest } from '../src/lib/server/db/migrate';

/** Shared by the command-line scripts, which run outside Vite (no $lib, no import.meta.glob). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function openAndMigrate(): Promise<DbHandle> {
	const url = config().DATABASE_URL;
	let handle: DbHandle;
	try {
		handle = await openDatabase(url, { poolSize: 2 });
		await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
	} catch (err) {
		fail(`Cannot reach the database at DATABASE_URL=${maskUrl(url)}: ${(err as Error).message}`);
	}
	const provider = new FileMigrationProvider({ fs, path, migrationFolder: path.join(projectRoot, 'db', 'migrations') });
	const applied = await migrateToLatest(handle.db, provider);
	if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
	return handle;
}

export function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

export function parseArgs(argv: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [key, inline] = arg.slice(2).split('=', 2);
		out[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
	}
	return out;
}
