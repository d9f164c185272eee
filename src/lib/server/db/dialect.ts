import { CamelCasePlugin, Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './schema';
import { guardPool } from './guarded-pool';
import { dbLimits, type DbLimits } from './limits';
import { withStatementCache } from './statement-cache';

export type DialectName = 'sqlite' | 'mysql';

export interface DbHandle {
	db: Kysely<Database>;
	dialect: DialectName;
	close(): Promise<void>;
}

export function dialectFromUrl(url: string): DialectName {
	if (url.startsWith('sqlite:')) return 'sqlite';
	if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
	throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got "${url.split(':')[0]}:")`);
}

async function openSqlite(url: string): Promise<DbHandle> {
	const { default: SQLite } = await import('better-sqlite3');
	const file = url.slice('sqlite:'.length);
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const database = new SQLite(file);
	database.pragma('journal_mode = WAL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	database.pragma('synchronous = NORMAL');
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: withStatementCache(database) }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openMysql(url: string, poolSize: number, limits: DbLimits): Promise<DbHandle> {
	const { createPool } = await import('mysql2');
	const pool = createPool({
		uri: url.replace(/^mariadb:/, 'mysql:'),
		connectionLimit: poolSize,
		connectTimeout: limits.connectMs,
		charset: 'utf8mb4',
		// Instants come back as the strings we wrote (DESIGN §5.4), never as host-time Dates.
		dateStrings: true,
		timezone: 'Z',
		jsonStrings: true,
		supportBigNumbers: true,
		bigNumberStrings: false
	});
	// Every connection speaks UTC and strict SQL, whatever the server's defaults are.
	// READ COMMITTED: a transaction that waited for a row lock then reads what the
	// lock's previous holder committed. Under InnoDB's default REPEATABLE READ a plain
	// SELECT after the lock would still see the snapshot of the transaction's first
	// read, and a rule checked "under the lock" (a trainer's other bookings) could
	// miss the booking that the other tab just made.
	// These run before the connection's first query, so they carry the statement limit
	// too: untimed, one of them would hold every later query on a frozen server.
	pool.on('connection', (conn) => {
		const timeout = limits.statementMs;
		const ignore = () => {};
		conn.query({ sql: "SET time_zone = '+00:00', SESSION sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')", timeout }, ignore);
		conn.query({ sql: 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', timeout }, ignore);
		// The server stops a runaway statement itself (MariaDB: seconds, 0 = none; MySQL
		// knows only max_execution_time, for SELECTs, and refuses this: ignored there).
		// Twice the client's limit: the client gives up first (and drops the connection);
		// this frees the server from a statement nobody waits for any more.
		conn.query({ sql: `SET SESSION max_statement_time = ${(2 * limits.statementMs) / 1000}`, timeout }, ignore);
	});
	const db = new Kysely<Database>({
		dialect: new MysqlDialect({ pool: guardPool(pool, limits) as never }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'mysql', close: () => db.destroy() };
}

export async function openDatabase(url: string, options: { poolSize?: number; limits?: Partial<DbLimits> } = {}): Promise<DbHandle> {
	if (dialectFromUrl(url) === 'sqlite') return openSqlite(url);
	return openMysql(url, options.poolSize ?? 10, { ...dbLimits(), ...options.limits });
}
