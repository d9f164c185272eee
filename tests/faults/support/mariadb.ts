import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A MariaDB of the fault tests' own: its own data folder, port and socket in a
 * temporary folder, started, killed, frozen and restarted by the test. Never the
 * shared server on 3306, which other work relies on.
 */
export interface OwnMariadb {
	port: number;
	url(database: string): string;
	/** Runs SQL as root with the mariadb client (tests only; the app uses mysql2). */
	sql(statement: string, database?: string): string;
	start(): Promise<void>;
	kill(): Promise<void>;
	freeze(): void;
	thaw(): void;
	dispose(): Promise<void>;
}

/**
 * SIGSTOP takes effect when the kernel next schedules each of mariadbd's threads,
 * not when kill() returns: a statement sent right after could still be served
 * (a test then saw its COMMIT, not its insert, meet the freeze). Wait, briefly
 * and synchronously, until /proc says every thread is stopped.
 */
function waitUntilStopped(pid: number | undefined): void {
	if (pid === undefined) return;
	const until = Date.now() + 2000;
	const stopped = () => {
		try {
			return fs.readdirSync(`/proc/${pid}/task`).every((tid) => / T /.test(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\)/, ' ')));
		} catch {
			return true;
		}
	};
	while (!stopped() && Date.now() < until) {
		// A short spin: this runs for microseconds to a few milliseconds.
	}
}

const which = (names: string[]) => {
	for (const name of names) {
		for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin'])) {
			const candidate = path.join(dir, name);
			if (fs.existsSync(candidate)) return candidate;
		}
	}
	return null;
};

export const mariadbAvailable = () => which(['mariadbd']) !== null && which(['mariadb-install-db']) !== null;

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const listening = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});

/** Every mariadbd this process started, killed when it ends whatever happened. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of started) {
		try {
			child.kill('SIGCONT');
			child.kill('SIGKILL');
		} catch {
			/* already gone */
		}
	}
});

export async function startOwnMariadb(): Promise<OwnMariadb> {
	const mariadbd = which(['mariadbd']);
	const installDb = which(['mariadb-install-db']);
	const client = which(['mariadb', 'mysql']);
	if (!mariadbd || !installDb || !client) throw new Error('mariadbd, mariadb-install-db and the mariadb client are needed (apt-get install mariadb-server)');
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-faults-db-'));
	// mariadbd drops to the mysql user when started as root: it must reach its folder.
	const asRoot = process.getuid?.() === 0;
	fs.chmodSync(root, 0o755);
	const datadir = path.join(root, 'data');
	const socket = path.join(root, 'mysqld.sock');
	const userArgs = asRoot ? ['--user=mysql'] : [];
	fs.mkdirSync(datadir);
	if (asRoot) execFileSync('chown', ['mysql:mysql', root, datadir]);
	execFileSync(installDb, [...userArgs, `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
	const port = await freePort();
	let child: ChildProcess | null = null;
	let log = '';

	const start = async () => {
		const args = [
			'--no-defaults',
			...userArgs,
			`--datadir=${datadir}`,
			`--port=${port}`,
			`--socket=${socket}`,
			'--skip-log-bin',
			'--bind-address=127.0.0.1',
			`--pid-file=${path.join(root, 'mysqld.pid')}`,
			'--innodb-buffer-pool-size=32M',
			'--skip-name-resolve'
		];
		const proc = spawn(mariadbd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
		proc.stderr!.on('data', (d) => (log = (log + d).slice(-20_000)));
		started.add(proc);
		proc.once('exit', () => started.delete(proc));
		child = proc;
		for (let i = 0; i < 120; i++) {
			if (proc.exitCode !== null) throw new Error(`mariadbd exited with ${proc.exitCode}:\n${log}`);
			if (await listening(port)) return;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`mariadbd did not listen on ${port} within 30 s:\n${log}`);
	};

	const kill = async () => {
		const proc = child;
		if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
		const exited = new Promise((r) => proc.once('exit', r));
		proc.kill('SIGCONT');
		proc.kill('SIGKILL');
		await exited;
		child = null;
	};

	await start();
	return {
		port,
		url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
		sql: (statement, database) =>
			execFileSync(
				client,
				['--no-defaults', '-uroot', '-h127.0.0.1', `-P${port}`, '--batch', '--skip-column-names', ...(database ? [database] : []), '-e', statement],
				{ encoding: 'utf8' }
			),
		start,
		kill,
		freeze: () => {
			if (!child) return;
			child.kill('SIGSTOP');
			waitUntilStopped(child.pid);
		},
		thaw: () => void child?.kill('SIGCONT'),
		dispose: async () => {
			await kill();
			fs.rmSync(root, { recursive: true, force: true });
		}
	};
}
