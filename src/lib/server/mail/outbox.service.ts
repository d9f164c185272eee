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
import { countOutboxMail, findOutboxMail, listOutboxMail, outboxMailExists } from './outbox-view.repository';
import { secretLinkPlaceholder } from './secret-link';

export const outboxStatuses: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The outbox as coordinators see it: never the secret link column. */
export async function outboxPage(db: Kysely<Database>, q: { page: number; limit: number; offset: number; status?: OutboxStatus | null }) {
	const [{ rows, total }, failed] = await Promise.all([listOutboxMail(db, q), countOutboxMail(db, ['failed'])]);
	return { rows, total, failed, page: q.page, pages: pageCount(total, q.limit) };
}

export async function countPendingMail(db: Kysely<Database>): Promise<number> {
	return countOutboxMail(db, ['pending', 'failed']);
}

/**
 * One mail as a coordinator reads it: the text as sent, except that a one-time
 * link shows as a marker (whoever reads the outbox must not be able to log in
 * as, or reset the password of, the recipient).
 */
export async function outboxMail(db: Kysely<Database>, id: number, hiddenLinkLabel: string) {
	const row = await findOutboxMail(db, id);
	if (!row) throw new NotFoundError();
	return { ...row, bodyText: row.bodyText.split(secretLinkPlaceholder).join(hiddenLinkLabel) };
}

/** A coordinator puts a failed mail back in the queue (after fixing an address or the mail server). */
export async function retryFailedMail(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		if ((await requeueFailedMail(trx, id, nowDb())) === 0) {
			if (!(await outboxMailExists(trx, id))) throw new NotFoundError();
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
