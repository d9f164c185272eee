import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Start-up failures of the built server (no browser needed): one clear line that
 * names DATABASE_URL with its password masked, and exit code 1.
 */
test('a database that cannot be reached stops the server with one clear line and exit code 1', () => {
	const result = spawnSync(process.execPath, [path.resolve('build/index.js')], {
		env: {
			...process.env,
			DATABASE_URL: 'mysql://app:s3cr3t-password@127.0.0.1:9/campaigns',
			PORT: '4399',
			NODE_ENV: 'production',
			ORIGIN: 'http://127.0.0.1:4399'
		},
		encoding: 'utf8',
		timeout: 30_000
	});
	expect(result.status).toBe(1);
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain('DATABASE_URL=mysql://app:***@127.0.0.1:9/campaigns');
	expect(result.stderr + result.stdout).not.toContain('s3cr3t-password');
});

test('a DATABASE_URL of an unknown kind is refused the same way', () => {
	const result = spawnSync(process.execPath, [path.resolve('build/index.js')], {
		env: { ...process.env, DATABASE_URL: 'postgres://u:pw@127.0.0.1/x', PORT: '4398' },
		encoding: 'utf8',
		timeout: 30_000
	});
	expect(result.status).toBe(1);
	expect(result.stderr.trim().split('\n')).toHaveLength(1);
	expect(result.stderr).toContain('DATABASE_URL');
	expect(result.stderr).not.toContain(':pw@');
});

test('an SMTP_URL that is not smtp:// or smtps:// stops the server with one line that names it, without its password', () => {
	const result = spawnSync(process.execPath, [path.resolve('build/index.js')], {
		env: { ...process.env, SMTP_URL: 'http://mailer:m41l-s3cret@mail.example.org', PORT: '4397' },
		encoding: 'utf8',
		timeout: 30_000
	});
	expect(result.status).toBe(1);
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toBe('Invalid configuration: SMTP_URL: SMTP_URL must start with smtp:// or smtps://');
	expect(result.stderr + result.stdout).not.toContain('m41l-s3cret');
});

test('in production without SMTP_URL the server starts and warns clearly that no mail will be sent', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'sc-nosmtp-'));
	const child = spawn(process.execPath, [path.resolve('build/index.js')], {
		env: {
			...process.env,
			SMTP_URL: '',
			NODE_ENV: 'production',
			ORIGIN: 'http://127.0.0.1:4396',
			PORT: '4396',
			DATABASE_URL: `sqlite:${dir}/app.sqlite`,
			DATA_DIR: dir
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	try {
		await expect.poll(() => stderr, { timeout: 20_000 }).toContain('WARNING: SMTP_URL is not set. No mail will be sent');
		await expect.poll(async () => (await fetch('http://127.0.0.1:4396/health').catch(() => null))?.status, { timeout: 20_000 }).toBe(200);
	} finally {
		child.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('in production without ORIGIN the server stops with one line that says what to set', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'sc-noorigin-'));
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '4395', DATABASE_URL: `sqlite:${dir}/app.sqlite`, DATA_DIR: dir };
	delete env.ORIGIN;
	try {
		const result = spawnSync(process.execPath, [path.resolve('build/index.js')], { env, encoding: 'utf8', timeout: 30_000 });
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain('ORIGIN is not set');
		expect(lines[0]).toContain('ORIGIN=https://');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
