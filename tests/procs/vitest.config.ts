import { defineConfig } from 'vitest/config';

/**
 * `npm run test:procs`: the tests that run the built app as real processes
 * (graceful shutdown; two processes behind nginx on one MariaDB). Not part of
 * `npm run test:unit`: they need build/, nginx and the MariaDB server, and take
 * a minute or two. One file at a time: the machine has few cores.
 */
export default defineConfig({
	test: {
		include: ['tests/procs/**/*.test.ts'],
		globalSetup: ['tests/procs/support/global-setup.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});
