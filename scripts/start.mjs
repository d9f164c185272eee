// `npm start`: runs the built server, building it first when build/ is missing
// (a fresh clone). Sets the body-size limit uploads need unless one is given (an
// outer cap only: each route's own limit is enforced in the app, see
// src/lib/server/hooks/body-limits.ts), and loads static-headers.mjs (nosniff on /_app).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(path.join(root, 'build', 'index.js'))) {
	console.log('No build/ yet: building the app once (about a minute)…');
	const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const staticHeaders = pathToFileURL(path.join(root, 'scripts', 'static-headers.mjs')).href;
const env = { ...process.env, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '110M' };
const server = spawn(process.execPath, ['--import', staticHeaders, path.join(root, 'build', 'index.js')], { cwd: root, env, stdio: 'inherit' });
// SIGTERM/SIGINT go on to the server, which shuts down gracefully (finishes the
// requests in flight, stops its jobs, closes the database: see
// src/lib/server/shutdown.ts) and exits 0; this wrapper then exits with the
// server's own code, or 128 + the signal's number if the server was killed by one,
// so a process manager sees the server's outcome and not the wrapper's.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// `npm start` runs this through `sh -c`, and npm passes a SIGTERM only to that
// shell, which dies without passing it on: the server would run on, orphaned. So
// a parent that went away counts as a SIGTERM. (A service manager should run
// `node scripts/start.mjs` itself: then the exit code it sees is the server's.)
const parent = process.ppid;
const watchParent = setInterval(() => {
	if (process.ppid === parent) return;
	clearInterval(watchParent);
	server.kill('SIGTERM');
}, 1000);
watchParent.unref();
server.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
