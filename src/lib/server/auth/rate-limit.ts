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
	return waitFor(await repo.findBuckets(db, buckets), clock.now());
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
		const next = counted(row, rule, now);
		if (row) await repo.updateBucket(trx, name, next);
		else await repo.insertBucket(trx, { bucket: name, ...next });
	});
}

type BucketRow = Awaited<ReturnType<typeof repo.findBuckets>>[number];

/** A bucket after one more hit: a new window once the old one has passed, blocked from the limit-th hit on. */
function counted(row: BucketRow | undefined, rule: Rule, now: Date) {
	const windowOpen = row && now.getTime() - fromDbTime(row.windowStartedAt).getTime() < rule.windowMs;
	const hits = windowOpen ? row.hits + 1 : 1;
	const windowStartedAt = windowOpen ? row.windowStartedAt : toDbTime(now);
	const over = hits - rule.limit + 1;
	const blockedUntil = over > 0 ? toDbTime(new Date(now.getTime() + rule.blockMs(over))) : null;
	return { hits, windowStartedAt, blockedUntil };
}

/** One bucket and the rule that governs it. */
export interface Limit {
	name: string;
	rule: Rule;
}

/**
 * Counts one attempt in every given bucket BEFORE the step it guards (a password
 * check, a hash, a mail), or refuses without counting anything when one of them
 * is blocked. Returns the seconds to wait, 0 when the attempt may go ahead.
 *
 * Checking and counting are one transaction over the locked rows: with a check
 * first and a count after the step, 50 simultaneous guesses all passed the check
 * before the first was counted (17 passwords tried on MariaDB, 9 on SQLite, where
 * 5 were allowed). Now the 6th waits for the 5th's lock and sees its block.
 */
export async function takeAttempt(db: Kysely<Database>, limits: Limit[]): Promise<number> {
	const sorted = [...limits].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	await ensureBuckets(
		db,
		sorted.map((l) => l.name)
	);
	try {
		return await takeOnce(db, sorted);
	} catch (err) {
		// A bucket was removed (cleared, or stale) and re-created by a racer in between: once more.
		if (!isUniqueViolation(err)) throw err;
		return await takeOnce(db, sorted);
	}
}

async function ensureBuckets(db: Kysely<Database>, names: string[]): Promise<void> {
	const existing = new Set((await repo.findBuckets(db, names)).map((r) => r.bucket));
	const now = toDbTime(clock.now());
	// One statement per bucket, each its own transaction: no statement holds one row while it waits for another.
	for (const name of names) if (!existing.has(name)) await repo.insertBucketIfMissing(db, { bucket: name, hits: 0, windowStartedAt: now, blockedUntil: null });
}

function takeOnce(db: Kysely<Database>, limits: Limit[]): Promise<number> {
	return withTransaction(db, async (trx) => {
		const now = clock.now();
		const rows = new Map(
			(
				await repo.findBucketsForUpdate(
					trx,
					limits.map((l) => l.name)
				)
			).map((r) => [r.bucket, r])
		);
		const wait = waitFor([...rows.values()], now);
		if (wait > 0) return wait;
		for (const { name, rule } of limits) {
			const row = rows.get(name);
			const next = counted(row, rule, now);
			if (row) await repo.updateBucket(trx, name, next);
			else await repo.insertBucket(trx, { bucket: name, ...next });
		}
		return 0;
	});
}

/**
 * Takes back an attempt counted by takeAttempt that turned out not to be a failure
 * (the password was right): one hit less, and no block once under the limit again.
 */
export async function giveBackAttempt(db: Kysely<Database>, limits: Limit[]): Promise<void> {
	const sorted = [...limits].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const rules = new Map(sorted.map((l) => [l.name, l.rule]));
	await withTransaction(db, async (trx) => {
		for (const row of await repo.findBucketsForUpdate(
			trx,
			sorted.map((l) => l.name)
		)) {
			if (row.hits <= 0) continue;
			const hits = row.hits - 1;
			const blockedUntil = hits >= rules.get(row.bucket)!.limit ? row.blockedUntil : null;
			await repo.updateBucket(trx, row.bucket, { hits, windowStartedAt: row.windowStartedAt, blockedUntil });
		}
	});
}

function waitFor(rows: BucketRow[], now: Date): number {
	let until = 0;
	for (const row of rows) if (row.blockedUntil) until = Math.max(until, fromDbTime(row.blockedUntil).getTime());
	return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function clearBuckets(db: Kysely<Database>, names: string[]): Promise<void> {
	await repo.removeBuckets(db, names);
}
