import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive a real Chromium against the built app (`node build`) on a
 * fresh SQLite database (tests/e2e/server.mjs deletes it at start). Browsers cannot
 * be downloaded here: Debian's Chromium is used through executablePath.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	// Generous on purpose: the longest flows visit a dozen pages, and on a busy
	// 2-core CI machine they took 24 s of the old 30. Waits are for elements, never
	// fixed sleeps, so a passing run is no slower for these limits.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'nl-BE',
		timezoneId: 'Europe/Brussels',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'nl-BE' } }],
	webServer: {
		command: 'node tests/e2e/server.mjs',
		url: `http://127.0.0.1:${port}/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: { E2E_PORT: String(port) }
	}
});
