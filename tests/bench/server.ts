import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The built app (`node build`) as `npm start` runs it (with the preload that
 * puts nosniff on /_app files), in production mode, on one database. Its output
 * goes to a log file beside the data, so a failing case can be read afterwards.
 */
export class BenchServer {
	private child: ChildProcess | null = null;
	readonly origin: string;

	constructor(
		private readonly root: string,
		private readonly opts: { port: number; databaseUrl: string; dataDir: string }
	) {
		this.origin = `http://127.0.0.1:${opts.port}`;
	}

	get pid(): number {
		if (!this.child?.pid) throw new Error('the server is not running');
		return this.child.pid;
	}

	async start(): Promise<void> {
		if (await reachable(`${this.origin}/health`)) throw new Error(`something already answers on ${this.origin}: choose another --port`);
		const log = fs.openSync(path.join(this.opts.dataDir, 'server.log'), 'a');
		const staticHeaders = pathToFileURL(path.join(this.root, 'scripts', 'static-headers.mjs')).href;
		this.child = spawn(process.execPath, ['--import', staticHeaders, path.join(this.root, 'build', 'index.js')], {
			cwd: this.root,
			stdio: ['ignore', log, log],
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(this.opts.port),
				HOST: '127.0.0.1',
				ORIGIN: this.origin,
				DATABASE_URL: this.opts.databaseUrl,
				DATA_DIR: this.opts.dataDir,
				LOG_LEVEL: 'warn',
				BODY_SIZE_LIMIT: '110M'
			}
		});
		const exited = new Promise<never>((_, reject) =>
			this.child!.once('exit', (code) => reject(new Error(`the server exited with ${code} while starting: see ${path.join(this.opts.dataDir, 'server.log')}`)))
		);
		const deadline = Date.now() + 120_000;
		while (!(await Promise.race([reachable(`${this.origin}/health`), exited]))) {
			if (Date.now() > deadline) throw new Error('the server did not answer /health within 2 minutes');
			await sleep(200);
		}
	}

	/** SIGTERM, and waits for the graceful exit (SIGKILL after 20 s). */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		this.child = null;
		const gone = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await gone;
		clearTimeout(timer);
	}

	/** Resident memory of the server process (MB), from /proc. */
	rssMb(): number {
		const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return kb / 1024;
	}
}

async function reachable(url: string): Promise<boolean> {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
		await res.arrayBuffer();
		return res.ok;
	} catch {
		return false;
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
