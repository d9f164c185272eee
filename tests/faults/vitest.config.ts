import { defineConfig } from 'vitest/config';

/**
 * The fault tests (npm run test:faults): they start a MariaDB of their own, kill and
 * freeze it, and drive the built server. Kept out of the normal `vitest run` (its
 * include list does not reach tests/faults): they take minutes and need mariadbd.
 */
export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		include: ['tests/faults/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 120_000
	}
});
