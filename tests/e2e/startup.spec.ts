import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Start-up failures of the built server (no browser needed): one clear line that
 * names DATABASE_URL with its password masked, and exit code 1.
 */
test('a database that cannot be reached stops the server with one clear line and exit code 1', () => {
	const result = spawnSync(process.execPath, [path.resolve('build/index.js')], {
		env: { ...process.env, DATABASE_URL: 'mysql://app:s3cr3t-password@127.0.0.1:9/campaigns', PORT: '4399', NODE_ENV: 'production', ORIGIN: 'http://127.0.0.1:4399' },
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
