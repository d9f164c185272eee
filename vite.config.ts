import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// Profile cookie first, then the browser's Accept-Language, then Dutch.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/support/global-setup.ts'],
		environment: 'node',
		// Uploads and stored files of tests go to a temporary folder, never into data/.
		env: { DATA_DIR: path.join(os.tmpdir(), `sc-vitest-${process.pid}`) },
		// Integration suites share one database per worker; keep workers few on 2 cores.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
