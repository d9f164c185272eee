import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { demoPassword } from '../../db/seeds/demo-data';
import { login } from '../../src/lib/server/auth/login.service';
import { openDatabase, type DbHandle } from '../../src/lib/server/db/dialect';
import { bundledMigrations, migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { nowDb } from '../../src/lib/server/db/time';
import { withTransaction } from '../../src/lib/server/db/transaction';
import { authorizeDownload, listMaterialsForTeacher } from '../../src/lib/server/materials/material-read.service';
import { useFileStore } from '../../src/lib/server/storage';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import { emptyTables, mysqlDatabaseName, mysqlUrl, mysqlUrlFor, openTestDatabase } from './support/databases';

/**
 * `npm run db:backup`, run as cron would (a child process) while the app writes;
 * the backup restored into an EMPTY data folder (and, on MariaDB, an empty
 * database); the restored copy used through the app's own code: a demo teacher
 * logs in and downloads a teaching material from the restored uploads.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function runBackup(env: Record<string, string>, target: string): Promise<{ code: number | null; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', target], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('close', (code) => resolve({ code, out }));
	});
}

const sha256 = async (stream: NodeJS.ReadableStream) => {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
};

/**
 * Writes while `during` runs: each transaction adds an audit entry and raises a
 * counter, so a torn copy would show a counter that disagrees with the entries.
 */
async function whileWriting<T>(db: Kysely<Database>, during: () => Promise<T>) {
	await db
		.insertInto('settings')
		.values({ key: 'backup_test_counter', value: '0', valueNl: null, valueEn: null, updatedAt: nowDb(), updatedBy: null })
		.execute();
	let writing = true;
	let committed = 0;
	const writer = (async () => {
		while (writing) {
			await withTransaction(db, async (trx) => {
				await trx
					.insertInto('auditLog')
					.values({
						actorUserId: null,
						action: 'backup_test.write',
						entityType: 'test',
						entityId: String(committed + 1),
						beforeJson: null,
						afterJson: `{"filler":"${'x'.repeat(2000)}"}`,
						createdAt: nowDb()
					})
					.execute();
				await trx
					.updateTable('settings')
					.set({ value: String(committed + 1) })
					.where('key', '=', 'backup_test_counter')
					.execute();
			});
			committed++;
			await new Promise((r) => setImmediate(r));
		}
	})();
	while (committed < 20) await new Promise((r) => setTimeout(r, 5));
	const before = committed;
	const result = await during();
	const after = committed;
	writing = false;
	await writer;
	return { result, before, after };
}

/** The restored copy is one committed state from the backup's time span. */
async function expectConsistent(db: Kysely<Database>, writes: { before: number; after: number }) {
	const entries = Number(
		(
			await db
				.selectFrom('auditLog')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('action', '=', 'backup_test.write')
				.executeTakeFirstOrThrow()
		).n
	);
	const counter = Number((await db.selectFrom('settings').select('value').where('key', '=', 'backup_test_counter').executeTakeFirstOrThrow()).value);
	expect(counter).toBe(entries);
	expect(entries).toBeGreaterThanOrEqual(writes.before);
	expect(entries).toBeLessThanOrEqual(writes.after);
}

/** A demo teacher logs in on the restored data and downloads a material from the restored uploads. */
async function expectAppWorksOn(db: Kysely<Database>, filesDir: string, liveFiles: { materialId: number; sha256: string }[]) {
	expect(await migrateToLatest(db, bundledMigrations())).toEqual([]);
	useFileStore(new LocalFileStore(filesDir));
	expect(await login(db, { email: 'teacher@example.org', password: demoPassword, address: '10.1.2.3', userAgent: null })).toBeTruthy();
	const teacher = await db.selectFrom('users').select(['id', 'displayName']).where('emailKey', '=', 'teacher@example.org').executeTakeFirstOrThrow();
	const actor = { id: teacher.id, displayName: teacher.displayName, roles: ['teacher' as const] };
	const edition = await db.selectFrom('editions').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
	const offered = (await listMaterialsForTeacher(db, actor, edition.id)).materials.find((m) => m.kind === 'file');
	expect(offered).toBeDefined();
	const grant = await authorizeDownload(db, actor, offered!.id);
	if (grant.kind !== 'file') throw new Error('expected a file');
	expect(liveFiles).toContainEqual({ materialId: offered!.id, sha256: grant.version.sha256 });
	const store = new LocalFileStore(filesDir);
	expect(await sha256(await store.openRead(grant.version.sha256))).toBe(grant.version.sha256);
	// Every upload the database names came along.
	for (const { sha256: digest } of await db.selectFrom('materialVersions').select('sha256').execute()) expect(await store.has(digest), digest).toBe(true);
}

/** The demo with its material files in `dataDir/files`, as `npm start` would leave it. */
async function seedDemoInto(db: Kysely<Database>, dataDir: string) {
	useFileStore(new LocalFileStore(path.join(dataDir, 'files')));
	await seedDemo(db, { today: new Date() });
	const liveFiles = await db.selectFrom('materialVersions').select(['materialId', 'sha256']).execute();
	expect(liveFiles.length).toBeGreaterThan(0);
	return liveFiles;
}

function onlyBackupIn(target: string): string {
	const folders = fs.readdirSync(target);
	expect(folders).toHaveLength(1);
	expect(folders[0]).toMatch(/^backup-\d{4}-\d{2}-\d{2}T\d{6}Z$/);
	return path.join(target, folders[0]);
}

function emptyFolder(name: string): string {
	const dir = path.join(root, name);
	fs.mkdirSync(dir);
	expect(fs.readdirSync(dir)).toEqual([]);
	return dir;
}

describe('backup and restore [sqlite]', () => {
	it('copies a consistent database while a writer is busy, and the app works on the restored empty data folder', { timeout: 120_000 }, async () => {
		const dataDir = path.join(root, 'data');
		const databaseUrl = `sqlite:${path.join(dataDir, 'app.sqlite')}`;
		const live: DbHandle = await openDatabase(databaseUrl);
		let restored: DbHandle | undefined;
		try {
			await migrateToLatest(live.db, bundledMigrations());
			const liveFiles = await seedDemoInto(live.db, dataDir);
			const target = path.join(root, 'backups');
			const writes = await whileWriting(live.db, () => runBackup({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, target));
			expect(writes.result.code, writes.result.out).toBe(0);
			expect(writes.after).toBeGreaterThan(writes.before); // the writer really ran during the backup

			const backup = onlyBackupIn(target);
			expect(fs.existsSync(path.join(backup, 'app.sqlite-wal'))).toBe(false);
			expect(fs.existsSync(path.join(backup, 'tmp'))).toBe(false);
			// Restore: copy the folder into an EMPTY data folder and open it with the app's code.
			const restoredDir = emptyFolder('restored');
			fs.cpSync(backup, restoredDir, { recursive: true });
			restored = await openDatabase(`sqlite:${path.join(restoredDir, 'app.sqlite')}`);
			await expectConsistent(restored.db, writes);
			await expectAppWorksOn(restored.db, path.join(restoredDir, 'files'), liveFiles);
		} finally {
			useFileStore();
			await restored?.close();
			await live.close();
		}
	});
});

describe.skipIf(!mysqlUrl)('backup and restore [mysql]', () => {
	it(
		'dumps with --single-transaction while a writer is busy; restored into an empty database and data folder, the app works',
		{ timeout: 180_000 },
		async () => {
			const dataDir = path.join(root, 'data-mysql');
			const live = await openTestDatabase('mysql');
			const restoredName = `${mysqlDatabaseName}_restored`;
			let restored: DbHandle | undefined;
			try {
				await emptyTables(live.db);
				const liveFiles = await seedDemoInto(live.db, dataDir);
				const target = path.join(root, 'backups-mysql');
				const writes = await whileWriting(live.db, () => runBackup({ DATABASE_URL: mysqlUrlFor(mysqlDatabaseName), DATA_DIR: dataDir }, target));
				expect(writes.result.code, writes.result.out).toBe(0);
				expect(writes.after).toBeGreaterThan(writes.before);
				const backup = onlyBackupIn(target);

				// Restore, as the README says: an empty database, the dump into it, the uploads into an empty DATA_DIR.
				await sql`drop database if exists ${sql.id(restoredName)}`.execute(live.db);
				await sql`create database ${sql.id(restoredName)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(live.db);
				const server = new URL(mysqlUrl!);
				const load = spawnSync('mariadb', ['-h', server.hostname, '-P', server.port || '3306', '-u', decodeURIComponent(server.username), restoredName], {
					input: fs.readFileSync(path.join(backup, 'database.sql')),
					env: { ...process.env, MYSQL_PWD: decodeURIComponent(server.password) }
				});
				expect(load.status, String(load.stderr)).toBe(0);
				const restoredDir = emptyFolder('restored-mysql');
				fs.cpSync(path.join(backup, 'uploads'), restoredDir, { recursive: true });
				restored = await openDatabase(mysqlUrlFor(restoredName), { poolSize: 2 });
				await expectConsistent(restored.db, writes);
				await expectAppWorksOn(restored.db, path.join(restoredDir, 'files'), liveFiles);
			} finally {
				useFileStore();
				await restored?.close();
				await emptyTables(live.db);
				await sql`drop database if exists ${sql.id(restoredName)}`.execute(live.db);
				await live.close();
			}
		}
	);
});
