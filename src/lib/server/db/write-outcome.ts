import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a request's writes came to when the database failed under it, so a 503 can
 * tell the user whether to post again:
 * - 'none': nothing was committed (an open transaction dies with its connection);
 * - 'saved': a commit was confirmed, then something after it failed;
 * - 'unknown': a COMMIT or a write outside a transaction was sent and no answer came
 *   (the server may have done it before it froze or died).
 * Tracked per request by the guarded pool (guarded-pool.ts).
 */
export type WriteOutcome = 'none' | 'saved' | 'unknown';

export interface WriteTracker {
	saved: boolean;
	unknown: boolean;
}

const storage = new AsyncLocalStorage<WriteTracker>();

/** Runs fn (a request) with a tracker of its own; the caller keeps it to read the outcome afterwards. */
export function trackWrites<T>(tracker: WriteTracker, fn: () => T): T {
	return storage.run(tracker, fn);
}

export const newWriteTracker = (): WriteTracker => ({ saved: false, unknown: false });

/** The outcome of the given tracker, or of the current request's. */
export function writeOutcome(tracker = storage.getStore()): WriteOutcome {
	if (!tracker) return 'none';
	return tracker.unknown ? 'unknown' : tracker.saved ? 'saved' : 'none';
}

const readOnly = /^\s*(select|show|set|begin|start\s+transaction|rollback|savepoint|release|explain|describe|with\s)/i;
const commit = /^\s*commit\b/i;

/**
 * Called as a statement is sent; the returned function when its answer (or error)
 * arrives. Only statements that can make a change last are watched: a COMMIT, or a
 * write outside any transaction.
 */
export function watchStatement(sql: string, inTransaction: boolean): (failed: boolean, unavailable: boolean) => void {
	const tracker = storage.getStore();
	const durable = commit.test(sql) || (!inTransaction && !readOnly.test(sql));
	if (!tracker || !durable) return () => {};
	return (failed, unavailable) => {
		if (!failed) tracker.saved = true;
		else if (unavailable) tracker.unknown = true;
	};
}
