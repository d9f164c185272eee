import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileMigrationProvider, sql } from 'kysely';
import { seedDemo } from '../../db/seeds/demo';
import { seedLarge } from '../../db/seeds/large';
import { maskUrl } from '../../src/lib/server/config';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/dialect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { DbChoice } from './options';

/**
 * The database a bench run measures, and a connection of the bench's own to
 * load it and to check the invariants afterwards.
 *
 * SQLite: a fresh file in a temporary directory, removed at the end.
 * MariaDB/MySQL: exactly the database TEST_MYSQL_URL names. The bench never
 * creates or drops a database, and it refuses one that holds any table: what
 * is in a database someone named is not the bench's to empty (it may be a copy
 * of real data, or another engineer's tests). In an empty one it migrates and
 * loads its data, and at the end drops the tables it created, leaving the
 * database empty as it found it (--keep leaves them for a look).
 */
export interface BenchDatabase {
	dialect: DbChoice;
	url: string;
	/** DATA_DIR of the server (uploads, its log) and of the SQLite file. */
	dataDir: string;
	handle: DbHandle;
	close(): Promise<void>;
}

// A long statement limit for the bench's own connection: the seed and its ANALYZE take seconds.
const limits = { statementMs: 600_000, acquireMs: 60_000 };

export async function openBenchDatabase(dialect: DbChoice, root: string, keep: boolean): Promise<BenchDatabase> {
	if (dialect === 'mysql') await refuseUnlessEmpty(process.env.TEST_MYSQL_URL!);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sc-bench-${dialect}-`));
	const url = dialect === 'sqlite' ? `sqlite:${path.join(dataDir, 'bench.sqlite')}` : process.env.TEST_MYSQL_URL!;
	const handle = await openDatabase(url, { poolSize: 4, limits });
	await migrateToLatest(handle.db, new FileMigrationProvider({ fs: fs.promises, path, migrationFolder: path.join(root, 'db', 'migrations') }));
	return {
		dialect,
		url,
		dataDir,
		handle,
		close: async () => {
			await handle.close();
			if (keep) {
				console.log(`  kept: ${dialect === 'sqlite' ? url : `the tables in ${maskUrl(url)}`} and the server log in ${dataDir}`);
				return;
			}
			if (dialect === 'mysql') await dropOwnTables(url);
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function tablesOf(handle: DbHandle): Promise<string[]> {
	const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database()`.execute(handle.db);
	return rows.rows.map((r) => r.name);
}

async function refuseUnlessEmpty(url: string): Promise<void> {
	const handle = await openDatabase(url, { poolSize: 1, limits });
	const tables = await tablesOf(handle).finally(() => handle.close());
	if (tables.length === 0) return;
	const name = new URL(url).pathname.slice(1);
	throw new Error(
		`The database "${name}" that TEST_MYSQL_URL names holds ${tables.length} table(s) (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}). ` +
			`The benchmark loads its own data set and removes it afterwards, so it needs an empty database and never empties or drops one it did not fill. ` +
			`Give it an empty one, e.g. CREATE DATABASE sc_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; and TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/sc_bench ` +
			`(a run stopped by force leaves its tables: drop them, or that database, yourself).`
	);
}

/** Every table of the database: it was empty when the run began, so all of them are the run's. */
async function dropOwnTables(url: string): Promise<void> {
	const handle = await openDatabase(url, { poolSize: 1, limits });
	try {
		await sql`set foreign_key_checks = 0`.execute(handle.db);
		for (const table of await tablesOf(handle)) await sql`drop table ${sql.table(table)}`.execute(handle.db);
	} finally {
		await handle.close();
	}
}

export async function loadDemo(db: BenchDatabase): Promise<void> {
	await seedDemo(db.handle.db, { today: new Date() });
}

/** The Flanders data set beside the demo (db/seeds/large.ts); returns its edition and the seconds it took. */
export async function loadFlanders(db: BenchDatabase, small: boolean): Promise<{ editionId: number; seconds: number }> {
	const started = performance.now();
	// 1/50 of the size, with enough teachers and trainers for the rush and the booking race.
	const size = small ? { schools: 40, campuses: 100, classes: 2000, teachers: 60, trainers: 60, workshops: 400, waiting: 8, withdrawn: 20 } : {};
	const result = await seedLarge(db.handle.db, { today: new Date(), ...size });
	return { editionId: result.editionId, seconds: (performance.now() - started) / 1000 };
}
