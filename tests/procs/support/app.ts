import mysql from 'mysql2/promise';
import path from 'node:path';
import { freePort, request, root, startProcess, waitFor, type Proc } from './processes';

/**
 * A MariaDB database of the test's own on the shared server (TEST_MYSQL_URL's
 * server, default 127.0.0.1:3306 as root), with the demo loaded exactly as in
 * production (`npm run db:seed`), dropped afterwards.
 */
export const serverUrl = new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');

export interface TestDatabase {
	name: string;
	url: string;
	query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
	drop: () => Promise<void>;
}

export async function createSeededDatabase(label: string): Promise<TestDatabase> {
	const name = `sc_procs_${label}_${process.pid}`;
	const conn = await mysql.createConnection({
		host: serverUrl.hostname,
		port: Number(serverUrl.port || 3306),
		user: decodeURIComponent(serverUrl.username || 'root'),
		password: decodeURIComponent(serverUrl.password)
	});
	await conn.query(`drop database if exists \`${name}\``);
	await conn.query(`create database \`${name}\` character set utf8mb4`);
	await conn.changeUser({ database: name });
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const seed = startProcess('db:seed', process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-seed.ts'], {
		DATABASE_URL: url.toString()
	});
	const { code } = await seed.exited;
	if (code !== 0) {
		await conn.query(`drop database if exists \`${name}\``);
		await conn.end();
		throw new Error(`db:seed failed:\n${seed.output()}`);
	}
	return {
		name,
		url: url.toString(),
		query: async (sql, params) => (await conn.query(sql, params))[0] as never,
		drop: async () => {
			await conn.query(`drop database if exists \`${name}\``);
			await conn.end();
		}
	};
}

/** A connection to a database made by createSeededDatabase, for the tests' own reads and writes. */
export async function connect(url: string): Promise<mysql.Connection> {
	const u = new URL(url);
	return mysql.createConnection({
		host: u.hostname,
		port: Number(u.port || 3306),
		user: decodeURIComponent(u.username || 'root'),
		password: decodeURIComponent(u.password),
		database: u.pathname.slice(1)
	});
}

export interface App {
	proc: Proc;
	port: number;
	origin: string;
}

/**
 * The built app as production runs it: `node scripts/start.mjs` (what `npm start`
 * runs; or `npm start` itself), NODE_ENV=production, on a port of its own.
 */
export async function startApp(name: string, env: Record<string, string>, origin?: string, opts: { viaNpm?: boolean } = {}): Promise<App> {
	const port = await freePort();
	const o = origin ?? `http://127.0.0.1:${port}`;
	const [command, args] = opts.viaNpm
		? [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start']]
		: [process.execPath, [path.join(root, 'scripts', 'start.mjs')]];
	const proc = startProcess(name, command, args, {
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: o,
		LOG_LEVEL: 'debug',
		...env
	});
	return { proc, port, origin: o };
}

export async function waitHealthy(app: App, headers: Record<string, string> = {}): Promise<void> {
	await waitFor(`${app.proc.name} to answer /health`, async () => (await request({ port: app.port, path: '/health', headers })).status === 200, 60_000, [
		app.proc
	]);
}
