import type { Kysely } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { DbTime } from '../db/time';
import { isMysql } from '../db/dialect-of';
import { withTransaction } from '../db/transaction';

/** What the sender needs of a claimed row (with the secret link: it is filled in only here). */
export interface ClaimedMail {
	id: number;
	recipient: string;
	locale: 'nl' | 'en';
	template: string;
	subject: string;
	bodyText: string;
	bodyHtml: string;
	secretLink: string | null;
	attempts: number;
	calendarIcs: string | null;
	calendarMethod: 'REQUEST' | 'CANCEL' | null;
	createdAt: DbTime;
}

/**
 * Claims up to `limit` due rows for one sender: pending rows whose time has come,
 * and rows another sender claimed but whose lease ran out (it died mid-send).
 * On MySQL the candidates are read FOR UPDATE SKIP LOCKED, so two senders running
 * at once take different rows instead of waiting for each other; SQLite has one
 * writer, so its transaction alone makes the claim exclusive. The claim writes the
 * owner and the lease end and counts the attempt, then commits before any SMTP
 * traffic: no transaction is ever held open across the network.
 */
export async function claimDueMail(db: Kysely<Database>, q: { owner: string; now: DbTime; leaseUntil: DbTime; limit: number }): Promise<ClaimedMail[]> {
	return withTransaction(db, async (trx) => {
		// Two index-ordered reads instead of one with OR: a read that has to sort
		// would lock every matching row before its LIMIT, and a second sender would
		// then skip them all and find nothing to do. Walking (status, next_attempt_at)
		// locks only the rows it returns.
		const lapsed = await trx
			.selectFrom('mailOutbox')
			.select('id')
			.where('status', '=', 'sending')
			.where('leaseUntil', '<', q.now)
			.limit(q.limit)
			.$if(isMysql(trx), (qb) => qb.forUpdate().skipLocked())
			.execute();
		const pending =
			lapsed.length >= q.limit
				? []
				: await trx
						.selectFrom('mailOutbox')
						.select('id')
						.where('status', '=', 'pending')
						.where('nextAttemptAt', '<=', q.now)
						.orderBy('nextAttemptAt')
						.orderBy('id')
						.limit(q.limit - lapsed.length)
						.$if(isMysql(trx), (qb) => qb.forUpdate().skipLocked())
						.execute();
		const due = [...lapsed, ...pending];
		if (due.length === 0) return [];
		const ids = due.map((r) => r.id);
		await trx
			.updateTable('mailOutbox')
			.set((eb) => ({ status: 'sending', leaseOwner: q.owner, leaseUntil: q.leaseUntil, attempts: eb('attempts', '+', 1) }))
			.where('id', 'in', ids)
			.execute();
		return trx
			.selectFrom('mailOutbox')
			.select([
				'id',
				'recipient',
				'locale',
				'template',
				'subject',
				'bodyText',
				'bodyHtml',
				'secretLink',
				'attempts',
				'calendarIcs',
				'calendarMethod',
				'createdAt'
			])
			.where('id', 'in', ids)
			.orderBy('id')
			.execute();
	});
}

/**
 * The outcome of one attempt, written only while this sender still holds the
 * lease: if its lease ran out and another sender took the row, the other's
 * outcome counts. Returns whether the row was still ours.
 */
export async function settleMail(
	db: Kysely<Database>,
	id: number,
	owner: string,
	outcome: { status: 'sent'; sentAt: DbTime } | { status: 'pending' | 'failed'; nextAttemptAt: DbTime; lastError: string }
): Promise<boolean> {
	const result = await db
		.updateTable('mailOutbox')
		.set(
			outcome.status === 'sent'
				? { status: 'sent', sentAt: outcome.sentAt, lastError: null, leaseOwner: null, leaseUntil: null }
				: { status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.lastError, leaseOwner: null, leaseUntil: null }
		)
		.where('id', '=', id)
		.where('leaseOwner', '=', owner)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Failed mail (one, or all) goes back in the queue, due now, with a fresh count of attempts; returns how many. */
export async function requeueFailedMail(db: Db, which: number | 'all', now: DbTime): Promise<number> {
	const result = await db
		.updateTable('mailOutbox')
		.set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
		.$if(which !== 'all', (q) => q.where('id', '=', which as number))
		.where('status', '=', 'failed')
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
