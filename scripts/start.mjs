// `npm start`: runs the built server, building it first when build/ is missing
// (a fresh clone). Sets the body-size limit uploads need unless one is given.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(path.join(root, 'build', 'index.js'))) {
	console.log('No build/ yet: building the app once (about a minute)…');
	const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const env = { ...process.env, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '110M' };
const server = spawn(process.execPath, [path.join(root, 'build', 'index.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
