import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { pageCount } from '../pagination';

/** The outbox as coordinators see it: never the secret link column. */
export async function outboxPage(db: Kysely<Database>, q: { page: number; limit: number; offset: number }) {
	const [rows, total] = await Promise.all([
		db
			.selectFrom('mailOutbox')
			.select(['id', 'recipient', 'locale', 'template', 'subject', 'status', 'attempts', 'sentAt', 'createdAt'])
			.orderBy('id', 'desc')
			.limit(q.limit)
			.offset(q.offset)
			.execute(),
		db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n), page: q.page, pages: pageCount(Number(total.n), q.limit) };
}

export async function countPendingMail(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'failed']).executeTakeFirstOrThrow();
	return Number(row.n);
}
