// Starts the built app for the end-to-end tests on a fresh embedded database.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, '.e2e');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

if (!existsSync(path.join(root, 'build', 'index.js'))) {
	console.error('build/ is missing: run `npm run build` first (npm run test:e2e does).');
	process.exit(1);
}

const port = process.env.E2E_PORT ?? '4173';
// As `npm start` runs it: with the preload that puts nosniff on /_app files too.
const staticHeaders = pathToFileURL(path.join(root, 'scripts', 'static-headers.mjs')).href;
const server = spawn(process.execPath, ['--import', staticHeaders, path.join(root, 'build', 'index.js')], {
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
		BODY_SIZE_LIMIT: '110M',
		// Every spec registers from 127.0.0.1 within one run: far more than one real
		// client would in an hour. The limit itself is proven by tests/integration/registration-limits.test.ts.
		REGISTRATIONS_PER_CLIENT_ADDRESS: '1000'
	}
});
// The server's pid, for the spec that watches its memory (tests/e2e/request-bodies.spec.ts).
server.on('spawn', () => writeFileSync(path.join(dir, 'server.pid'), String(server.pid)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
