import { expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/**
 * Plain SQL on the database a spec's own server runs on, SQLite or MariaDB, given
 * its DATABASE_URL. Placeholders are `?` on both. Column names are the tables'
 * own snake_case (no Kysely here). MariaDB instants come back as the strings
 * the app wrote (dateStrings), never as host-time Dates.
 */
export interface AnyDb {
	readonly dialect: 'sqlite' | 'mysql';
	all<T>(sql: string, params?: unknown[]): Promise<T[]>;
	get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
	run(sql: string, params?: unknown[]): Promise<void>;
	close(): Promise<void>;
}

export async function openAnyDb(url: string): Promise<AnyDb> {
	if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
	if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return openMysql(url.replace(/^mariadb:/, 'mysql:'));
	throw new Error(`not a DATABASE_URL this helper knows: ${url.split(':')[0]}:`);
}

function openSqlite(file: string): AnyDb {
	// Not read-only: the placeholder steps insert rows. The server uses WAL, so both can write.
	const db = new Database(file, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	return {
		dialect: 'sqlite',
		all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
		get: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).get(...params) as T | undefined,
		run: async (sql: string, params: unknown[] = []) => void db.prepare(sql).run(...params),
		close: async () => void db.close()
	};
}

async function openMysql(uri: string): Promise<AnyDb> {
	const { createConnection } = await import('mysql2/promise');
	const conn = await createConnection({ uri, charset: 'utf8mb4', dateStrings: true, timezone: 'Z', supportBigNumbers: true });
	await conn.query("SET time_zone = '+00:00'");
	const rows = async <T>(sql: string, params: unknown[]) => (await conn.query(sql, params))[0] as T[];
	return {
		dialect: 'mysql',
		all: (sql, params = []) => rows(sql, params),
		get: async (sql, params = []) => (await rows<never>(sql, params))[0],
		run: async (sql, params = []) => void (await conn.query(sql, params)),
		close: () => conn.end()
	};
}

/** An instant as the app stores it: UTC, "YYYY-MM-DD HH:MM:SS.mmm". */
export const dbNow = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

/**
 * A new, empty MariaDB database `sc_firstday_<random>` on the server of TEST_MYSQL_URL
 * (utf8mb4), its DATABASE_URL, and a way to drop it again.
 */
export async function createMariaDbDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `sc_firstday_${randomBytes(4).toString('hex')}`;
	const { createConnection } = await import('mysql2/promise');
	const admin = async (sql: string) => {
		const conn = await createConnection({ uri: serverUrl });
		try {
			await conn.query(sql);
		} finally {
			await conn.end();
		}
	};
	await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}

/** The newest one-time link mailed to the address with this template, polled from mail_outbox. */
export async function outboxLink(db: AnyDb, recipient: string, template: string): Promise<string> {
	const read = async () =>
		(
			await db.get<{ link: string | null }>(
				'select secret_link as link from mail_outbox where lower(recipient) = lower(?) and template = ? order by id desc limit 1',
				[recipient, template]
			)
		)?.link ?? null;
	await expect.poll(read, { message: `a ${template} mail to ${recipient} in the outbox` }).not.toBeNull();
	return (await read())!;
}
