import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The multi-process tests (npm run test:procs) start real processes: the built
 * app, nginx, an SMTP sink. Each is started in a process group of its own and
 * remembered, so stopAll() (afterAll, and the exit hook below if a test file
 * dies) kills exactly the groups this run started, never anything by name.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Proc {
	name: string;
	child: ChildProcess;
	/** Everything it printed so far (stdout and stderr). */
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started = new Set<Proc>();
const all: Proc[] = [];

/** PROCS_KEEP_LOGS=1: every process's output goes to a folder (printed) for a look after a failure. */
export function keepLogs(extra: Record<string, string> = {}): void {
	if (!process.env.PROCS_KEEP_LOGS) return;
	const dir = mkdtempSync(path.join(os.tmpdir(), 'sc-procs-logs-'));
	all.forEach((p, i) => writeFileSync(path.join(dir, `${i}-${p.name.replace(/\W+/g, '_')}.log`), p.output()));
	for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
	console.log(`process logs kept in ${dir}`);
}

export function startProcess(name: string, command: string, args: string[], env: Record<string, string | undefined>): Proc {
	// Not Vitest's own variables: with them the app believes it runs inside a test and logs nothing.
	const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
	const child = spawn(command, args, { cwd: root, env: { ...base, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const proc: Proc = { name, child, output: () => out, exited };
	started.add(proc);
	all.push(proc);
	void exited.then(() => started.delete(proc));
	return proc;
}

function running(p: Proc): boolean {
	return p.child.exitCode === null && p.child.signalCode === null;
}

/**
 * Kills the process group of every process this run started: also of those that
 * have exited themselves, since a group can outlive its leader (npm gone, the
 * server it ran still there).
 */
export async function stopAll(): Promise<void> {
	const left = [...started].filter(running);
	killAllNow();
	await Promise.all(left.map((p) => p.exited));
}

function killGroup(p: Proc, signal: NodeJS.Signals): void {
	try {
		process.kill(-p.child.pid!, signal);
	} catch {
		// already gone
	}
}

function killAllNow(): void {
	for (const p of all) killGroup(p, 'SIGKILL');
}
process.on('exit', killAllNow);
// Interrupted (Ctrl+C, CI's timeout): the groups go too, then the signal does what it would have done.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		killAllNow();
		process.kill(process.pid, signal);
	});
}

export function requireBuild(): void {
	if (!existsSync(path.join(root, 'build', 'index.js'))) throw new Error('build/ is missing: run `npm run build` first');
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(port));
		});
	});
}

export async function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 60_000,
	procs: Proc[] = []
): Promise<T> {
	const until = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await fn();
			if (value) return value;
		} catch (err) {
			lastError = err;
		}
		const dead = procs.find((p) => !running(p));
		if (dead) throw new Error(`${dead.name} exited while waiting for ${what}:\n${dead.output().slice(-3000)}`);
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

export function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const s = net.connect({ port, host: '127.0.0.1' });
		s.once('connect', () => {
			s.destroy();
			resolve(true);
		});
		s.once('error', () => resolve(false));
	});
}

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	text: () => string;
}

export interface RequestOptions {
	port: number;
	path: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** The client's own address (127.0.0.x): lets one machine play several clients. */
	localAddress?: string;
}

/**
 * One HTTP request over a fresh connection (node:http: it can pick the local
 * address), as a browser asks (Accept: text/html: without it Kit answers a form
 * post with its JSON action result).
 */
export function request(o: RequestOptions): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: o.port,
				path: o.path,
				method: o.method ?? 'GET',
				headers: { connection: 'close', accept: 'text/html', ...o.headers },
				localAddress: o.localAddress,
				agent: false
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					resolve({ status: res.statusCode!, headers: res.headers, body, text: () => body.toString('utf8') });
				});
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(o.body);
	});
}

/** The session cookie a 303 after a successful login sets, as "name=value". */
export function sessionCookieOf(reply: Reply): string | null {
	const cookie = (reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('sc_session='));
	return cookie ? cookie.split(';')[0] : null;
}

export function loginForm(email: string, password: string): string {
	return new URLSearchParams({ email, password }).toString();
}
