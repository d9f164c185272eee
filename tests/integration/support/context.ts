import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { DbHandle, DialectName } from '../../../src/lib/server/db/dialect';
import type { Database } from '../../../src/lib/server/db/schema';
import { forgetAllSessions } from '../../../src/lib/server/auth/session-cache';
import { forgetPublishedEditions } from '../../../src/lib/server/campaigns/published-editions';
import { forgetDashboardFigures } from '../../../src/lib/server/reports/dashboard-figures';
import { clock } from '../../../src/lib/server/db/time';
import { forgetCachedOverviews } from '../../../src/lib/server/reports/overview-cache';
import { forgetCachedSettings } from '../../../src/lib/server/settings/settings.service';
import { emptyTables, openTestDatabase } from './databases';

/**
 * Per-suite database lifecycle. Use inside describeEachDatabase:
 *   const ctx = useDatabase(dialect);  ...  ctx.db
 */
export function useDatabase(dialect: DialectName, opts: { poolSize?: number } = {}) {
	let handle: DbHandle | undefined;
	const ctx = {
		get db(): Kysely<Database> {
			if (!handle) throw new Error('database not open yet');
			return handle.db;
		},
		dialect
	};
	beforeAll(async () => {
		handle = await openTestDatabase(dialect, opts.poolSize);
	});
	beforeEach(async () => {
		await emptyTables(handle!.db);
		forgetCachedSettings();
		forgetCachedOverviews();
		forgetAllSessions();
		forgetPublishedEditions();
		forgetDashboardFigures();
	});
	afterEach(() => clock.set());
	afterAll(async () => {
		await handle?.close();
	});
	return ctx;
}

/** Freezes the clock at an instant; returns a function that moves it forward. */
export function freezeClock(at: string | Date): (ms: number) => Date {
	let now = new Date(at);
	clock.set(() => now);
	return (ms: number) => {
		now = new Date(now.getTime() + ms);
		return now;
	};
}
