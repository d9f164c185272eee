import type { Db } from '../db';
import type { OutboxStatus } from '../db/schema';

/**
 * The outbox as coordinators read it. No query here selects the secret_link
 * column: the one-time link must never reach a page.
 */

/** One page of the outbox, newest first, optionally of one status; with the total for the pager. */
export async function listOutboxMail(db: Db, q: { limit: number; offset: number; status?: OutboxStatus | null }) {
	const filtered = db.selectFrom('mailOutbox').$if(!!q.status, (qb) => qb.where('status', '=', q.status!));
	const [rows, total] = await Promise.all([
		filtered
			.select(['id', 'recipient', 'locale', 'template', 'subject', 'status', 'attempts', 'sentAt', 'createdAt', 'nextAttemptAt', 'lastError'])
			// Newest first by when the change happened (the demo and imports queue out of id order).
			.orderBy('createdAt', 'desc')
			.orderBy('id', 'desc')
			.limit(q.limit)
			.offset(q.offset)
			.execute(),
		filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}

/** How many mails are in any of these statuses. */
export async function countOutboxMail(db: Db, statuses: OutboxStatus[]): Promise<number> {
	const row = await db
		.selectFrom('mailOutbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', 'in', statuses)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** One mail with its text as rendered (the link still a placeholder); undefined when there is none. */
export async function findOutboxMail(db: Db, id: number) {
	return db
		.selectFrom('mailOutbox')
		.select([
			'id',
			'recipient',
			'locale',
			'template',
			'subject',
			'bodyText',
			'status',
			'attempts',
			'sentAt',
			'createdAt',
			'nextAttemptAt',
			'lastError',
			'calendarMethod'
		])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function outboxMailExists(db: Db, id: number): Promise<boolean> {
	return !!(await db.selectFrom('mailOutbox').select('id').where('id', '=', id).executeTakeFirst());
}
