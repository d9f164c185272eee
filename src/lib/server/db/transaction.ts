import type { Kysely, Transaction } from 'kysely';
import { isRetryable } from './errors';
import type { Database } from './schema';

const maxAttempts = 3;

/**
 * Runs fn in one transaction, retrying deadlocks, lock timeouts and SQLITE_BUSY
 * up to three times in all, with a short jittered pause. fn must be safe to run
 * again: it must not have side effects outside the transaction.
 */
export async function withTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute(fn);
		} catch (err) {
			if (attempt >= maxAttempts || !isRetryable(err)) throw err;
			await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
		}
	}
}
