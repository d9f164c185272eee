import { CamelCasePlugin, Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './schema';

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
		dialect: new SqliteDialect({ database }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openMysql(url: string, poolSize: number): Promise<DbHandle> {
	const { createPool } = await import('mysql2');
	const pool = createPool({
		uri: url.replace(/^mariadb:/, 'mysql:'),
		connectionLimit: poolSize,
		charset: 'utf8mb4',
		// Instants come back as the strings we wrote (DESIGN §5.4), never as host-time Dates.
		dateStrings: true,
		timezone: 'Z',
		jsonStrings: true,
		supportBigNumbers: true,
		bigNumberStrings: false
	});
	// Every connection speaks UTC and strict SQL, whatever the server's defaults are.
	pool.on('connection', (conn) => {
		conn.query("SET time_zone = '+00:00', SESSION sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')");
	});
	const db = new Kysely<Database>({
		dialect: new MysqlDialect({ pool }),
		plugins: [new CamelCasePlugin()]
	});
	return { db, dialect: 'mysql', close: () => db.destroy() };
}

export async function openDatabase(url: string, options: { poolSize?: number } = {}): Promise<DbHandle> {
	return dialectFromUrl(url) === 'sqlite' ? openSqlite(url) : openMysql(url, options.poolSize ?? 10);
}
