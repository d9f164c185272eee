import type { Kysely } from 'kysely';
import type { Database, OutboxStatus } from '../db/schema';
import type { Actor } from '../auth/actor';
import { requireCoordinator } from '../auth/actor';
import { audit } from '../audit/audit';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, NotFoundError } from '../errors';
import { pageCount } from '../pagination';
import { requeueFailedMail } from './delivery.repository';
import { secretLinkPlaceholder } from './secret-link';

export const outboxStatuses: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The outbox as coordinators see it: never the secret link column. */
export async function outboxPage(db: Kysely<Database>, q: { page: number; limit: number; offset: number; status?: OutboxStatus | null }) {
	const filtered = db.selectFrom('mailOutbox').$if(!!q.status, (qb) => qb.where('status', '=', q.status!));
	const [rows, total, failed] = await Promise.all([
		filtered
			.select(['id', 'recipient', 'locale', 'template', 'subject', 'status', 'attempts', 'sentAt', 'createdAt', 'nextAttemptAt', 'lastError'])
			// Newest first by when the change happened (the demo and imports queue out of id order).
			.orderBy('createdAt', 'desc')
			.orderBy('id', 'desc')
			.limit(q.limit)
			.offset(q.offset)
			.execute(),
		filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		countByStatus(db, 'failed')
	]);
	return { rows, total: Number(total.n), failed, page: q.page, pages: pageCount(Number(total.n), q.limit) };
}

async function countByStatus(db: Kysely<Database>, status: OutboxStatus): Promise<number> {
	const row = await db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function countPendingMail(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'failed']).executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * One mail as a coordinator reads it: the text as sent, except that a one-time
 * link shows as a marker (whoever reads the outbox must not be able to log in
 * as, or reset the password of, the recipient).
 */
export async function outboxMail(db: Kysely<Database>, id: number, hiddenLinkLabel: string) {
	const row = await db
		.selectFrom('mailOutbox')
		.select(['id', 'recipient', 'locale', 'template', 'subject', 'bodyText', 'status', 'attempts', 'sentAt', 'createdAt', 'nextAttemptAt', 'lastError', 'calendarMethod'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError();
	return { ...row, bodyText: row.bodyText.split(secretLinkPlaceholder).join(hiddenLinkLabel) };
}

/** A coordinator puts a failed mail back in the queue (after fixing an address or the mail server). */
export async function retryFailedMail(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		if ((await requeueFailedMail(trx, id, nowDb())) === 0) {
			const exists = await trx.selectFrom('mailOutbox').select('id').where('id', '=', id).executeTakeFirst();
			if (!exists) throw new NotFoundError();
			throw new ConflictError('ntf_retry_not_failed');
		}
		await audit(trx, { actorId: actor.id, action: 'mail.retried', entityType: 'mail', entityId: id });
	});
}

/** Every failed mail back in the queue at once, e.g. after the mail server was down for a day. */
export async function retryAllFailedMail(db: Kysely<Database>, actor: Actor): Promise<number> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const n = await requeueFailedMail(trx, 'all', nowDb());
		if (n > 0) await audit(trx, { actorId: actor.id, action: 'mail.retried_all', entityType: 'mail', entityId: 'failed', after: { count: n } });
		return n;
	});
}
