// Starts the built app for the end-to-end tests on a fresh embedded database.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, '.e2e');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

if (!existsSync(path.join(root, 'build', 'index.js'))) {
	console.error('build/ is missing: run `npm run build` first (npm run test:e2e does).');
	process.exit(1);
}

const port = process.env.E2E_PORT ?? '4173';
const server = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
	cwd: root,
	stdio: 'inherit',
	env: {
		...process.env,
		NODE_ENV: 'test',
		PORT: port,
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
		DATA_DIR: dir,
		LOG_LEVEL: 'warn',
		// Small enough that the materials spec's too-large upload needs only a few MB.
		UPLOAD_MAX_BYTES: '2097152',
		BODY_SIZE_LIMIT: '110M'
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
