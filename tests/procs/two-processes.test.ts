import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, startApp, waitHealthy, type App } from './support/app';
import {
	freePort,
	keepLogs,
	listening,
	loginForm,
	request,
	root,
	sessionCookieOf,
	startProcess,
	stopAll,
	waitFor,
	type Proc,
	type RequestOptions
} from './support/processes';

/**
 * Issue 13, point 10: production runs two app processes behind nginx on one
 * MariaDB (README, "Production"; deploy/nginx/). Whatever process answers, the
 * user notices nothing: a session started on one is valid on the other, a rate
 * limit counts across both, each outbox mail goes out once though both deliver
 * at the same time, and behind nginx the limits see the real client's address.
 *
 * nginx (Debian's package) runs tests/procs/nginx.test.conf: the production
 * file's plain-HTTP twin, including the very same deploy/nginx/app-locations.conf.
 */
const nginxBinary = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const password = 'Paars-demo-2026';
// One demo account per test, none shared with shutdown.test.ts.
const sessionUser = 'coordinator@example.org';
const limitUser = 'teacher.bellegem@example.org';
const proxyUser = 'teacher.regenboog@example.org';
const extraMails = 200;
const openssl = ['/usr/bin/openssl', '/bin/openssl'].find((p) => existsSync(p));

let tmp: string;
let sink: Proc;
let sinkFile: string;
let pendingAtStart: number[] = [];
let a: App;
let b: App;
let nginx: Proc;
let nginxPort: number;
let origin: string;
let db: Connection;

/** Straight to one process, as nginx would send it: with the client's address in X-Forwarded-For. */
const direct = (app: App, o: Omit<RequestOptions, 'port'>) => request({ ...o, port: app.port, headers: { 'x-forwarded-for': '192.0.2.10', ...o.headers } });
const viaNginx = (o: Omit<RequestOptions, 'port'>) => request({ ...o, port: nginxPort });
const formHeaders = () => ({ origin, 'content-type': 'application/x-www-form-urlencoded' });

const appLog = (app: App) =>
	app.proc
		.output()
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as { msg: string; result?: { delivery: { sent: number } | null } });
const sentBy = (app: App) => appLog(app).reduce((n, l) => n + (l.msg === 'job pass finished' ? (l.result?.delivery?.sent ?? 0) : 0), 0);

/** The upstream block of the production example, pointing at the test's two processes. */
function productionUpstream(portA: number, portB: number): string {
	const production = readFileSync(path.join(root, 'deploy', 'nginx', 'school-campaigns.conf'), 'utf8');
	const block = /^upstream school_campaigns \{[^}]*\}/m.exec(production)?.[0];
	if (!block || !block.includes('127.0.0.1:3001') || !block.includes('127.0.0.1:3002'))
		throw new Error('deploy/nginx/school-campaigns.conf: no upstream school_campaigns on ports 3001 and 3002');
	return block.replace('127.0.0.1:3001', `127.0.0.1:${portA}`).replace('127.0.0.1:3002', `127.0.0.1:${portB}`);
}

beforeAll(async () => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-procs-'));
	db = await connect(inject('databaseUrl'));

	// More mail than one pass of one process sends before the other's timer
	// fires (the sink takes 25 ms a mail): both senders work at the same time.
	const [[first]] = (await db.query('select min(id) as id from mail_outbox')) as unknown as [[{ id: number }]];
	for (let i = 0; i < extraMails; i++) {
		await db.query(
			`insert into mail_outbox (recipient, locale, template, params_json, subject, body_text, body_html, secret_link, status, attempts, next_attempt_at, dedupe_key, created_at)
			 select recipient, locale, template, params_json, subject, body_text, body_html, secret_link, 'pending', 0, next_attempt_at, ?, created_at from mail_outbox where id = ?`,
			[`procs-test:${i}`, first.id]
		);
	}

	const [pending] = (await db.query(`select id from mail_outbox where status = 'pending'`)) as unknown as [{ id: number }[]];
	pendingAtStart = pending.map((r) => Number(r.id));

	const sinkPort = await freePort();
	sinkFile = path.join(tmp, 'sink.txt');
	sink = startProcess('smtp-sink', process.execPath, [path.join(root, 'tests', 'smoke', 'smtp-sink.mjs'), sinkFile], {
		SMTP_SINK_PORT: String(sinkPort),
		SMTP_SINK_DELAY_MS: '25'
	});
	await waitFor('the SMTP sink', () => listening(sinkPort), 20_000, [sink]);

	nginxPort = await freePort();
	origin = `http://127.0.0.1:${nginxPort}`;
	const env = {
		DATABASE_URL: inject('databaseUrl'),
		DATA_DIR: path.join(tmp, 'data'),
		SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
		JOBS_INTERVAL_SECONDS: '5',
		// As behind nginx in production: the client is the last X-Forwarded-For entry.
		ADDRESS_HEADER: 'X-Forwarded-For',
		XFF_DEPTH: '1',
		// As deploy/ documents: nginx compresses, the app does not (so the gzip seen below is nginx's).
		COMPRESSION: 'off'
	};
	[a, b] = await Promise.all([startApp('app A', env, origin), startApp('app B', env, origin)]);
	await Promise.all([waitHealthy(a), waitHealthy(b)]);

	const prefix = path.join(tmp, 'nginx');
	mkdirSync(prefix);
	const conf = readFileSync(path.join(root, 'tests', 'procs', 'nginx.test.conf'), 'utf8')
		.replaceAll('{{PREFIX}}', prefix)
		.replaceAll('{{USER}}', process.getuid?.() === 0 ? 'user root;' : '')
		.replace('{{UPSTREAM}}', productionUpstream(a.port, b.port))
		.replaceAll('{{PORT}}', String(nginxPort))
		.replaceAll('{{LOCATIONS}}', path.join(root, 'deploy', 'nginx', 'app-locations.conf'));
	writeFileSync(path.join(prefix, 'nginx.conf'), conf);
	nginx = startProcess('nginx', nginxBinary, ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix], {});
	await waitFor('nginx', () => listening(nginxPort), 20_000, [nginx]);
}, 180_000);

afterAll(async () => {
	const nginxLogs = Object.fromEntries(
		['error.log', 'access.log']
			.filter((f) => tmp && existsSync(path.join(tmp, 'nginx', f)))
			.map((f) => [`nginx-${f}`, readFileSync(path.join(tmp, 'nginx', f), 'utf8')])
	);
	keepLogs(nginxLogs);
	await stopAll();
	await db?.end();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('two app processes behind nginx on one MariaDB', () => {
	it('a session started on process A is valid on B, and a logout on B ends it on A', async () => {
		const login = await direct(a, { path: '/login', method: 'POST', headers: formHeaders(), body: loginForm(sessionUser, password) });
		expect(login.status).toBe(303);
		const cookie = sessionCookieOf(login)!;
		expect(cookie).toBeTruthy();

		const onB = await direct(b, { path: '/coordinator', headers: { cookie } });
		expect(onB.status).toBe(200);
		expect(onB.text()).toContain('Welkom, Griet Coppens');

		expect((await direct(b, { path: '/logout', method: 'POST', headers: { ...formHeaders(), cookie } })).status).toBe(303);
		const onA = await direct(a, { path: '/coordinator', headers: { cookie } });
		expect(onA.status).toBe(303);
		expect(onA.headers.location).toMatch(/^\/login/);
	});

	it('login failures split between A and B reach the limit at the same total as on one process', async () => {
		// The limit is 5 failures per account and address (LOGIN_FAILURES_PER_ACCOUNT_ADDRESS).
		for (const app of [a, b, a, b, a]) {
			const r = await direct(app, { path: '/login', method: 'POST', headers: formHeaders(), body: loginForm(limitUser, 'wrong password') });
			expect(r.status, `failure on ${app.proc.name}`).toBe(400);
		}
		// The sixth attempt, on B, is refused, even with the right password.
		const sixth = await direct(b, { path: '/login', method: 'POST', headers: formHeaders(), body: loginForm(limitUser, password) });
		expect(sixth.status).toBe(429);
		expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
		expect(sessionCookieOf(sixth)).toBeNull();
	});

	it('a job pass on both at once sends each outbox mail once', async () => {
		const [[{ total }]] = (await db.query(`select count(*) as total from mail_outbox`)) as unknown as [[{ total: number }]];
		expect(total).toBeGreaterThan(extraMails);
		await waitFor(
			'the outbox to be delivered',
			async () => {
				const [[left]] = (await db.query(`select count(*) as n from mail_outbox where status in ('pending', 'sending')`)) as unknown as [[{ n: number }]];
				return left.n === 0;
			},
			90_000,
			[a.proc, b.proc, sink]
		);
		// Mails sent by a pass, plus the old ones the day's retention pass deleted once
		// sent (the demo's and their copies are older than the outbox period).
		const [sentRows] = (await db.query(`select id from mail_outbox where status = 'sent'`)) as unknown as [{ id: number }[]];
		const [allRows] = (await db.query(`select id from mail_outbox`)) as unknown as [{ id: number }[]];
		const remaining = new Set(allRows.map((r) => Number(r.id)));
		const expected = new Set([...sentRows.map((r) => Number(r.id)), ...pendingAtStart.filter((id) => !remaining.has(id))]);
		const arrived = readFileSync(sinkFile, 'utf8').split('\n').filter(Boolean);
		const distinct = new Set(arrived);
		expect(arrived.length, 'no mail arrived twice').toBe(distinct.size);
		const arrivedIds = [...distinct].map((m) => Number(/^<outbox-(\d+)@/.exec(m)?.[1])).sort((x, y) => x - y);
		expect(arrivedIds, 'every sent mail arrived, and nothing else').toEqual([...expected].sort((x, y) => x - y));
		// Both processes delivered part of it, and together exactly what arrived.
		await waitFor('both passes to report', () => sentBy(a) + sentBy(b) === arrived.length, 15_000);
		expect(sentBy(a)).toBeGreaterThan(0);
		expect(sentBy(b)).toBeGreaterThan(0);
	});

	it('through nginx: pages and logins work, gzip is on, bodies are limited per location, a refused upload leaves the connection usable', async () => {
		expect((await viaNginx({ path: '/health' })).status).toBe(200);
		const login = await viaNginx({ path: '/login', method: 'POST', headers: formHeaders(), body: loginForm(sessionUser, password) });
		expect(login.status).toBe(303);
		const page = await viaNginx({ path: '/coordinator', headers: { cookie: sessionCookieOf(login)!, 'accept-encoding': 'gzip' } });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('gzip');

		const twoMb = 'x='.padEnd(2 * 1024 * 1024, 'x');
		const tooLarge = await viaNginx({ path: '/login', method: 'POST', headers: formHeaders(), body: twoMb });
		expect(tooLarge.status).toBe(413);
		expect(tooLarge.text(), 'refused by nginx, before the app').toContain('nginx');
		// The city settings take a 2 MB logo: nginx lets 2 MB through to the app.
		const logoSized = await viaNginx({ path: '/coordinator/settings', method: 'POST', headers: formHeaders(), body: twoMb });
		expect(logoSized.text()).not.toContain('<center>nginx</center>');
		// The app refused that post (401) without reading it: the kept-alive upstream
		// connection must still serve the next posts (they are not retried elsewhere).
		for (let i = 0; i < 2; i++) {
			const next = await viaNginx({ path: '/login', method: 'POST', headers: formHeaders(), body: loginForm('nobody@example.org', 'wrong password') });
			expect(next.status, 'a post after the refused upload is answered by the app').toBe(400);
		}
	});

	it('through nginx the rate limit sees the real client address, not nginx and not a forged header', async () => {
		const attempt = (localAddress: string, headers: Record<string, string> = {}) =>
			viaNginx({ path: '/login', method: 'POST', localAddress, headers: { ...formHeaders(), ...headers }, body: loginForm(proxyUser, 'wrong password') });
		for (let i = 0; i < 5; i++) expect((await attempt('127.0.0.2')).status).toBe(400);
		expect((await attempt('127.0.0.2')).status, 'client 127.0.0.2 reached its limit').toBe(429);
		expect((await attempt('127.0.0.2', { 'x-forwarded-for': '198.51.100.7' })).status, 'a forged X-Forwarded-For changes nothing').toBe(429);
		expect((await attempt('127.0.0.3')).status, 'another client behind the same nginx is not limited').toBe(400);
	});

	// The TLS part cannot be served here, but nginx checks it: the production file
	// as it stands, with a throw-away certificate in place of the real one.
	it.skipIf(!openssl)('the production example (TLS server block included) passes nginx -t', () => {
		const dir = mkdtempSync(path.join(tmp, 'tls-'));
		execFileSync(
			openssl!,
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-keyout',
				path.join(dir, 'key.pem'),
				'-out',
				path.join(dir, 'cert.pem'),
				'-days',
				'1',
				'-subj',
				'/CN=campagnes.example.be'
			],
			{ stdio: 'ignore' }
		);
		mkdirSync(path.join(dir, 'snippets'));
		writeFileSync(path.join(dir, 'snippets', 'app-locations.conf'), readFileSync(path.join(root, 'deploy', 'nginx', 'app-locations.conf')));
		const site = readFileSync(path.join(root, 'deploy', 'nginx', 'school-campaigns.conf'), 'utf8')
			.replace('/etc/letsencrypt/live/campagnes.example.be/fullchain.pem', path.join(dir, 'cert.pem'))
			.replace('/etc/letsencrypt/live/campagnes.example.be/privkey.pem', path.join(dir, 'key.pem'))
			.replaceAll('/etc/nginx/snippets/', `${path.join(dir, 'snippets')}/`);
		writeFileSync(path.join(dir, 'site.conf'), site);
		writeFileSync(
			path.join(dir, 'nginx.conf'),
			`pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n\tinclude /etc/nginx/mime.types;\n\taccess_log off;\n\tinclude ${dir}/site.conf;\n}\n`
		);
		// -t only parses and loads the certificate: it opens no port.
		const out = execFileSync(nginxBinary, ['-t', '-c', path.join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		expect(out).toBe('');
	});
});
