import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * A consistent dump of a MySQL/MariaDB database with the server's own tool:
 * `--single-transaction` reads every InnoDB table in one snapshot without locking
 * the app out. The password travels in MYSQL_PWD (never on the command line, where
 * `ps` would show it). Null when neither mariadb-dump nor mysqldump is installed.
 */
export function dumpTool(): string | null {
	for (const tool of ['mariadb-dump', 'mysqldump']) if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0) return tool;
	return null;
}

export function dumpArgs(url: string): { args: string[]; password: string; database: string } {
	const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
	const database = decodeURIComponent(u.pathname.slice(1));
	const args = [
		'--single-transaction',
		'--routines',
		'--triggers',
		'--hex-blob',
		'--default-character-set=utf8mb4',
		'-h',
		u.hostname,
		'-P',
		u.port || '3306',
		'-u',
		decodeURIComponent(u.username),
		database
	];
	return { args, password: decodeURIComponent(u.password), database };
}

export async function dumpMysql(tool: string, url: string, file: string): Promise<void> {
	const { args, password } = dumpArgs(url);
	const out = fs.createWriteStream(file);
	await new Promise<void>((resolve, reject) => {
		const child = spawn(tool, args, { env: { ...process.env, MYSQL_PWD: password }, stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		child.stdout.pipe(out);
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}: ${stderr.trim().split('\n')[0]}`))));
	});
	await new Promise<void>((resolve) => out.end(resolve));
}
