import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A spec's own app, next to the shared e2e server: the npm commands an
 * installer runs (db:migrate, user:create) and the built server (`node build`),
 * all on the database and data folder the spec chose.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface OwnApp {
	port: number;
	databaseUrl: string;
	dataDir: string;
}

const origin = (app: OwnApp) => `http://127.0.0.1:${app.port}`;

function environment(app: OwnApp, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'test',
		ORIGIN: origin(app),
		DATABASE_URL: app.databaseUrl,
		DATA_DIR: app.dataDir,
		LOG_LEVEL: 'warn',
		...extra
	};
	// The shared server's own settings must not leak into this one.
	for (const name of ['SMTP_URL', 'TEST_CLOCK_SHIFT_DAYS', 'PORT', 'HOST']) if (!(name in extra)) delete env[name];
	return env;
}

/** Runs `npm run <script> -- <args>` in the project and returns what it printed; fails the test on a non-zero exit. */
export function npmRun(app: OwnApp, script: string, args: string[] = []): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
			cwd: root,
			env: environment(app),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm run ${script} exited with ${code}:\n${out}\n${err}`))));
	});
}

export interface RunningServer {
	stop(): Promise<void>;
	/** What the server wrote to stderr so far (warnings and errors, LOG_LEVEL=warn). */
	stderr(): string;
}

/** Servers still running; killed when the test process ends, whatever the test did (a timeout skips its cleanup). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

/** Stops every server this process started and has not stopped yet (for afterEach). */
export async function stopAllServers(): Promise<void> {
	await Promise.all(
		[...running].map(async (child) => {
			child.kill('SIGTERM');
			await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
		})
	);
}

/** Starts `node build/index.js` as the e2e server does and waits for /health. */
export async function startServer(app: OwnApp, extra: Record<string, string> = {}): Promise<RunningServer> {
	if (await fetch(`${origin(app)}/health`).catch(() => null)) throw new Error(`port ${app.port} is taken already: stop what runs there first`);
	const child: ChildProcess = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
		cwd: root,
		env: environment(app, { PORT: String(app.port), HOST: '127.0.0.1', ...extra }),
		stdio: ['ignore', 'ignore', 'pipe']
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await expect
		.poll(
			async () => {
				if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode}):\n${stderr}`);
				return (await fetch(`${origin(app)}/health`).catch(() => null))?.status;
			},
			{ message: `the server on ${origin(app)} answers /health`, timeout: 45_000, intervals: [250, 500] }
		)
		.toBe(200);
	return {
		stderr: () => stderr,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}
