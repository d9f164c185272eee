import { expect, test } from '@playwright/test';
import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { npmRun, startServer, stopAllServers, type OwnApp } from './support/own-server';
import { loginAs } from './support/pages';

/**
 * `npm run db:backup` against a running built app, restored into an EMPTY data
 * folder and served by a second built app: the restored data are the backup's (a
 * session opened on the first server is still valid on the second, which would not
 * be true of a freshly seeded demo), a demo login works, and a teaching material
 * downloads with the same bytes.
 */
const root = fs.mkdtempSync(path.join(tmpdir(), 'sc-e2e-backup-'));
const live: OwnApp = { port: 4471, databaseUrl: `sqlite:${path.join(root, 'live', 'app.sqlite')}`, dataDir: path.join(root, 'live') };
const restoredDir = path.join(root, 'restored');
const restored: OwnApp = { port: 4472, databaseUrl: `sqlite:${path.join(restoredDir, 'app.sqlite')}`, dataDir: restoredDir };

test.afterAll(async () => {
	await stopAllServers();
	fs.rmSync(root, { recursive: true, force: true });
});

test('a backup taken while the app runs, restored into an empty folder, is served by the built app', async ({ browser }) => {
	test.setTimeout(180_000);
	await startServer(live); // loads the demo into the empty embedded database
	const first = await browser.newContext({ baseURL: `http://127.0.0.1:${live.port}` });
	const page = await first.newPage();
	await loginAs(page, 'coordinator@example.org');

	// A file material of the demo and its bytes' digest, read from the live database.
	const db = new SQLite(path.join(live.dataDir, 'app.sqlite'), { readonly: true });
	const material = db
		.prepare("select m.id, v.sha256 from materials m join material_versions v on v.material_id = m.id where m.kind = 'file' order by m.id limit 1")
		.get() as { id: number; sha256: string };
	db.close();

	// The app keeps serving (and writing sessions' last use) while the backup runs.
	let browsing = true;
	const traffic = (async () => {
		while (browsing) expect((await page.request.get('/coordinator')).status()).toBe(200);
	})();
	const target = path.join(root, 'backups');
	const printed = await npmRun(live, 'db:backup', [target]);
	browsing = false;
	await traffic;
	expect(printed).toContain('Backup written to');
	const [folder] = fs.readdirSync(target);

	fs.mkdirSync(restoredDir);
	expect(fs.readdirSync(restoredDir)).toEqual([]);
	fs.cpSync(path.join(target, folder), restoredDir, { recursive: true });
	await startServer(restored);
	const other = `http://127.0.0.1:${restored.port}`;

	// The coordinator's session cookie (cookies are per host, not per port) is valid there: the restored data are the backup's.
	const coordinatorPage = await page.request.get(`${other}/coordinator`, { maxRedirects: 0 });
	expect(coordinatorPage.status()).toBe(200);
	const download = await page.request.get(`${other}/api/materials/${material.id}/download`);
	expect(download.status()).toBe(200);
	expect(
		createHash('sha256')
			.update(await download.body())
			.digest('hex')
	).toBe(material.sha256);

	// And a demo login through the form works on the restored server.
	const fresh = await browser.newContext({ baseURL: other });
	const teacher = await fresh.newPage();
	await loginAs(teacher, 'teacher@example.org');
	await expect(teacher).toHaveURL(/\/teacher/);
	await fresh.close();
	await first.close();
});
