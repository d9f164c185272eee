import { sql, type Kysely } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { describe } from 'vitest';
import { openDatabase, type DbHandle, type DialectName } from '../../../src/lib/server/db/dialect';
import { bundledMigrations, migrateToLatest } from '../../../src/lib/server/db/migrate';
import type { Database } from '../../../src/lib/server/db/schema';
import { isMysql } from '../../../src/lib/server/db/dialect-of';

/**
 * Every integration suite runs once per database: SQLite always, MySQL/MariaDB
 * when TEST_MYSQL_URL is set (otherwise that half shows as skipped, never silently
 * passes). Each Vitest worker gets its own MySQL database, migrated once; tables
 * are emptied before each test.
 */
export const mysqlUrl = process.env.TEST_MYSQL_URL;

export const dialects: { name: DialectName; skip: boolean }[] = [
	{ name: 'sqlite', skip: false },
	{ name: 'mysql', skip: !mysqlUrl }
];

const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '1';
/** TEST_DB_PREFIX keeps two checkouts' test runs on one server apart. */
export const mysqlDatabasePrefix = process.env.TEST_DB_PREFIX ?? 'sc_test';
export const mysqlDatabaseName = `${mysqlDatabasePrefix}_w${workerId}`;

export function mysqlUrlFor(database: string): string {
	const url = new URL(mysqlUrl!);
	url.pathname = `/${database}`;
	return url.toString();
}

async function ensureMysqlDatabase(): Promise<void> {
	const admin = await openDatabase(mysqlUrl!, { poolSize: 1 });
	try {
		await sql`create database if not exists ${sql.id(mysqlDatabaseName)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(admin.db);
	} finally {
		await admin.close();
	}
}

export async function openTestDatabase(dialect: DialectName, poolSize = 5): Promise<DbHandle> {
	let handle: DbHandle;
	if (dialect === 'sqlite') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-test-'));
		handle = await openDatabase(`sqlite:${path.join(dir, 'test.sqlite')}`);
		const close = handle.close;
		handle.close = async () => {
			await close();
			fs.rmSync(dir, { recursive: true, force: true });
		};
	} else {
		await ensureMysqlDatabase();
		handle = await openDatabase(mysqlUrlFor(mysqlDatabaseName), { poolSize });
	}
	await migrateToLatest(handle.db, bundledMigrations());
	return handle;
}

/** The app's tables, read from the database itself once per handle (not the migrator's own). */
const tablesOf = new WeakMap<Kysely<Database>, Promise<string[]>>();

function appTables(db: Kysely<Database>): Promise<string[]> {
	let tables = tablesOf.get(db);
	if (!tables) {
		tables = db.introspection.getTables().then((all) => all.map((t) => t.name).filter((name) => !name.startsWith('kysely_')));
		tablesOf.set(db, tables);
	}
	return tables;
}

/**
 * Empties every table of the schema, so a table a new migration adds is emptied
 * too (a hand-kept list once forgot tables and leaked rows between tests).
 * Foreign keys are off meanwhile, on the one connection that deletes: the order
 * of the tables then does not matter.
 */
export async function emptyTables(db: Kysely<Database>): Promise<void> {
	const tables = await appTables(db);
	const mysql = isMysql(db);
	await db.connection().execute(async (conn) => {
		const off = mysql ? sql`set foreign_key_checks = 0` : sql`pragma foreign_keys = off`;
		const on = mysql ? sql`set foreign_key_checks = 1` : sql`pragma foreign_keys = on`;
		await off.execute(conn);
		try {
			for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(conn);
		} finally {
			await on.execute(conn);
		}
	});
}

/** describe() once per database; the MySQL half is skipped (and says so) without TEST_MYSQL_URL. */
export function describeEachDatabase(name: string, fn: (dialect: DialectName) => void): void {
	for (const d of dialects) {
		describe.skipIf(d.skip)(`${name} [${d.name}]`, () => fn(d.name));
	}
}
