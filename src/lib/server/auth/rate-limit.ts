import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { clock, fromDbTime, toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { sha256Hex } from './crypto';
import * as repo from './rate-limit.repository';

/**
 * Failure counters kept in the database, so limits hold across app processes.
 * A rule allows `limit` failures per window: the limit-th failure blocks the
 * bucket for blockMs(1), each further one (after the block) for blockMs(2), (3)…
 */
export interface Rule {
	limit: number;
	windowMs: number;
	blockMs: (over: number) => number;
}

/** Bucket names hash their subject: an e-mail address never sits in this table. */
export const bucket = (kind: string, ...parts: string[]) => `${kind}:${sha256Hex(parts.join('\u0000')).slice(0, 40)}`;

/** Seconds until every given bucket allows another attempt (0 when none blocks). */
export async function secondsBlocked(db: Kysely<Database>, buckets: string[]): Promise<number> {
	const now = clock.now().getTime();
	const rows = await repo.findBuckets(db, buckets);
	let until = 0;
	for (const row of rows) if (row.blockedUntil) until = Math.max(until, fromDbTime(row.blockedUntil).getTime());
	return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailure(db: Kysely<Database>, name: string, rule: Rule): Promise<void> {
	try {
		await recordOnce(db, name, rule);
	} catch (err) {
		// Two first failures raced to insert the same bucket: the second becomes an update.
		if (!isUniqueViolation(err)) throw err;
		await recordOnce(db, name, rule);
	}
}

async function recordOnce(db: Kysely<Database>, name: string, rule: Rule): Promise<void> {
	await withTransaction(db, async (trx) => {
		const now = clock.now();
		const row = await repo.findBucketForUpdate(trx, name);
		const windowOpen = row && now.getTime() - fromDbTime(row.windowStartedAt).getTime() < rule.windowMs;
		const hits = windowOpen ? row.hits + 1 : 1;
		const windowStartedAt = windowOpen ? row.windowStartedAt : toDbTime(now);
		const over = hits - rule.limit + 1;
		const blockedUntil = over > 0 ? toDbTime(new Date(now.getTime() + rule.blockMs(over))) : null;
		if (row) await repo.updateBucket(trx, name, { hits, windowStartedAt, blockedUntil });
		else await repo.insertBucket(trx, { bucket: name, hits, windowStartedAt, blockedUntil });
	});
}

export async function clearBuckets(db: Kysely<Database>, names: string[]): Promise<void> {
	await repo.removeBuckets(db, names);
}
