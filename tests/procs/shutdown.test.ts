import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { connect, startApp, waitHealthy, type App } from './support/app';
import { keepLogs, listening, loginForm, request, sessionCookieOf, stopAll, waitFor } from './support/processes';

/**
 * Issue 13, point 11: a deploy or a restart stops the server with SIGTERM (a
 * process manager) or SIGINT (Ctrl+C). What is under way must end well: a
 * certificate PDF being made and streamed arrives whole, a login whose body is
 * still on its way is answered, no new connection is taken, the job timer does
 * not start another pass, the pool is closed and the process exits 0.
 *
 * The app runs as `npm start` runs it (scripts/start.mjs, which forwards the
 * signal and exits with the server's code) on the run's MariaDB database.
 */
const jobIntervalSeconds = 5;
const shutdownTimeoutSeconds = 20;
const coordinator = { email: 'coordinator@example.org', password: 'Paars-demo-2026' };
// A demo teacher no other procs test logs in as.
const teacher = { email: 'teacher.vlinder@example.org', password: 'Paars-demo-2026' };

let app: App;
let cookie: string;

afterAll(async () => {
	keepLogs();
	await stopAll();
});

const logLines = (a: App) =>
	a.proc
		.output()
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as { time: string; msg: string });

async function pagesOf(pdf: Buffer): Promise<number> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const n = doc.numPages;
	await doc.destroy();
	return n;
}

/** The edition whose bulk certificate PDF is largest: the slowest real download the demo has. */
async function largestBulkPdf(): Promise<{ path: string; pages: number }> {
	const db = await connect(inject('databaseUrl'));
	const [rows] = await db.query('select id from editions order by id');
	await db.end();
	let best: { path: string; size: number; body: Buffer } | null = null;
	for (const { id } of rows as { id: number }[]) {
		const path = `/api/editions/${id}/certificates/pdf`;
		const r = await request({ port: app.port, path, headers: { cookie } });
		if (r.status === 200 && (!best || r.body.length > best.size)) best = { path, size: r.body.length, body: r.body };
	}
	if (!best) throw new Error('the demo has no edition with certificates');
	return { path: best.path, pages: await pagesOf(best.body) };
}

describe('graceful shutdown (npm start, MariaDB)', () => {
	beforeAll(async () => {
		app = await startApp('app', {
			DATABASE_URL: inject('databaseUrl'),
			JOBS_INTERVAL_SECONDS: String(jobIntervalSeconds),
			SHUTDOWN_TIMEOUT: String(shutdownTimeoutSeconds)
		});
		await waitHealthy(app);
		const login = await request({
			port: app.port,
			path: '/login',
			method: 'POST',
			headers: { origin: app.origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: loginForm(coordinator.email, coordinator.password)
		});
		cookie = sessionCookieOf(login) ?? '';
		expect(cookie, 'the coordinator logs in').not.toBe('');
	});

	it('on SIGTERM finishes the PDF and the login in flight, refuses new connections, runs no more jobs and exits 0', async () => {
		const pdf = await largestBulkPdf();
		// The timer runs: a pass started before the signal (so "none after" means something).
		await waitFor('a job pass', () => logLines(app).some((l) => l.msg === 'job pass started'), 30_000, [app.proc]);

		// A login whose body is only half sent: in flight, the server waits for the rest.
		const body = loginForm(teacher.email, teacher.password);
		const slow = net.connect({ port: app.port, host: '127.0.0.1' });
		let slowReply = '';
		slow.on('data', (d) => (slowReply += d));
		const slowEnded = new Promise<void>((resolve) => slow.on('close', () => resolve()));
		slow.write(
			`POST /login HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nOrigin: ${app.origin}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
				`Accept: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`
		);
		// "100 Continue": the server has the request and waits for its body.
		await waitFor('100 Continue', () => slowReply.includes('100 Continue'), 10_000, [app.proc]);
		slow.write(body.slice(0, 10));

		// The bulk PDF: the signal goes out as soon as its answer starts, while it is being made.
		let signalledAt = 0;
		const download = new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
			const req = http.get({ host: '127.0.0.1', port: app.port, path: pdf.path, headers: { cookie }, agent: false }, (res) => {
				signalledAt = Date.now();
				process.kill(app.proc.child.pid!, 'SIGTERM');
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
				res.on('error', reject);
			});
			req.on('error', reject);
		});
		const got = await download;
		expect(got.status).toBe(200);
		expect(got.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(got.body.toString('latin1').trimEnd().endsWith('%%EOF'), 'the PDF ends as a PDF ends').toBe(true);
		expect(await pagesOf(got.body), 'every certificate is in it').toBe(pdf.pages);

		// New connections are refused while the login is still waiting.
		await waitFor('the port to close', async () => !(await listening(app.port)), 10_000);
		await expect(request({ port: app.port, path: '/health' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });

		// Longer than a job interval, still in flight: no pass may start meanwhile.
		await new Promise((r) => setTimeout(r, (jobIntervalSeconds + 2) * 1000 - (Date.now() - signalledAt)));
		// write, not end: a client that half-closes its side counts as gone.
		slow.write(body.slice(10));
		await slowEnded;
		const finalReply = slowReply.slice(slowReply.lastIndexOf('HTTP/1.1 '));
		expect(finalReply, 'the login in flight is answered: signed in').toMatch(/^HTTP\/1\.1 303/);
		expect(finalReply).toMatch(/\r\nset-cookie: sc_session=[^;\r\n]+/i);

		const { code } = await waitFor(
			'the server to exit',
			async () => {
				const exited = await Promise.race([app.proc.exited, new Promise<null>((r) => setTimeout(() => r(null), 250))]);
				return exited ?? undefined;
			},
			(shutdownTimeoutSeconds + 10) * 1000
		);
		expect(code, 'npm start exits 0').toBe(0);

		const after = logLines(app).filter((l) => Date.parse(l.time) >= signalledAt);
		expect(
			after.filter((l) => l.msg === 'job pass started'),
			'no job pass after the signal'
		).toEqual([]);
		expect(after.map((l) => l.msg)).toContain('shutdown complete');
	});

	it('on SIGINT (Ctrl+C) stops just as cleanly and exits 0', async () => {
		const second = await startApp('app-sigint', { DATABASE_URL: inject('databaseUrl'), JOBS_INTERVAL_SECONDS: String(jobIntervalSeconds) });
		await waitHealthy(second);
		process.kill(second.proc.child.pid!, 'SIGINT');
		const { code } = await second.proc.exited;
		expect(code).toBe(0);
		expect(logLines(second).map((l) => l.msg)).toContain('shutdown complete');
		expect(await listening(second.port)).toBe(false);
	});

	it('under `npm start`, a SIGTERM to npm alone still stops the server gracefully instead of orphaning it', async () => {
		// npm passes the signal only to the `sh -c` it runs the script in, which dies without passing it on.
		const third = await startApp('npm-start', { DATABASE_URL: inject('databaseUrl'), JOBS_INTERVAL_SECONDS: String(jobIntervalSeconds) }, undefined, {
			viaNpm: true
		});
		await waitHealthy(third);
		process.kill(third.proc.child.pid!, 'SIGTERM');
		// The server's output still reaches us (it shares npm's stdout) after npm itself has gone.
		await waitFor('the server to shut down', () => logLines(third).some((l) => l.msg === 'shutdown complete'), 20_000);
		await waitFor('the port to close', async () => !(await listening(third.port)), 10_000);
	});
});
