import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoginPage, welcome } from './support/pages';
import { demo, demoPassword } from './support/people';

/**
 * The README's first command, as a newcomer runs it: `npm start` with no ORIGIN,
 * no HOST and no NODE_ENV. Every other spec runs the server with ORIGIN set, which
 * hid that each form post from http://localhost was refused. Only the port and
 * the data folder differ from the README, so this run neither collides with a
 * server already on 3000 nor touches the developer's own data/.
 */
const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

let server: ChildProcess;
let port: number;
let dir: string;

test.beforeAll(async () => {
	port = await freePort();
	dir = mkdtempSync(path.join(tmpdir(), 'sc-first-start-'));
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}` };
	for (const name of ['ORIGIN', 'HOST', 'NODE_ENV', 'PROTOCOL_HEADER', 'HOST_HEADER']) delete env[name];
	server = spawn('npm', ['start'], { env, stdio: 'ignore', detached: true });
	await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status, { timeout: 50_000, intervals: [500] }).toBe(200);
});

test.afterAll(() => {
	// npm runs a shell that runs scripts/start.mjs that runs the server: stop the whole group.
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	rmSync(dir, { recursive: true, force: true });
});

for (const host of ['localhost', '127.0.0.1']) {
	test(`npm start without ORIGIN: the demo coordinator logs in at http://${host}`, async ({ page }) => {
		test.setTimeout(90_000);
		const login = new LoginPage(page);
		await page.goto(`http://${host}:${port}/login`);
		await expect(login.heading()).toBeVisible();
		await login.login(demo.coordinator.email, demoPassword);
		await expect(welcome(page, demo.coordinator.name)).toBeVisible();
		expect(new URL(page.url()).pathname).toBe('/coordinator');
	});
}

test('a form posted from another site is refused with a page in the visitor’s language', async () => {
	const response = await fetch(`http://127.0.0.1:${port}/login`, {
		method: 'POST',
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl-BE' },
		body: new URLSearchParams({ email: demo.coordinator.email, password: demoPassword })
	});
	expect(response.status).toBe(403);
	expect(response.headers.get('set-cookie') ?? '').not.toContain('sc_session');
	expect(await response.text()).toContain('Laad de pagina opnieuw');
});
