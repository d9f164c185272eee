import type { TestProject } from 'vitest/node';
import { createSeededDatabase, type TestDatabase } from './app';
import { requireBuild } from './processes';

/**
 * One MariaDB database with the demo for the whole run (seeding takes tens of
 * seconds on a busy machine), dropped at the end whatever happened. The tests
 * use different demo accounts, so they do not get in each other's way.
 */
let db: TestDatabase | undefined;

export async function setup(project: TestProject): Promise<void> {
	requireBuild();
	db = await createSeededDatabase('run');
	project.provide('databaseUrl', db.url);
	// Interrupted runs skip teardown: the database goes anyway.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			void teardown().finally(() => process.kill(process.pid, signal));
		});
	}
}

export async function teardown(): Promise<void> {
	const current = db;
	db = undefined;
	await current?.drop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
	}
}
