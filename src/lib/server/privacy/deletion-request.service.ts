import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import { publicOrigin } from '../config';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { fromDbTime, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ConflictError, NotFoundError } from '../errors';
import { enqueueMail } from '../mail/outbox';
import { anonymiseUser } from '../users/anonymise';
import { findUserById } from '../users/user.repository';
import * as repo from './deletion-request.repository';

/** How many deletion requests wait for a coordinator (the dashboard's count). */
export const countOpenDeletionRequests = (db: Kysely<Database>) => repo.countOpenRequests(db);

/**
 * Deletion of one's own account (privacy notice): the user asks, with an optional
 * reason, and may withdraw while it is open; a coordinator carries it out. Each
 * step is audited, and the user gets a mail when the request is received and
 * when it is carried out. One open request per user (the database's unique key).
 */

export async function openDeletionRequest(db: Kysely<Database>, userId: number) {
	const row = await repo.findOpenRequestOf(db, userId);
	return row ? { id: row.id, requestedAt: fromDbTime(row.requestedAt), reason: row.reason } : null;
}

export async function requestDeletion(db: Kysely<Database>, userId: number, reason: string | null): Promise<number> {
	try {
		return await withTransaction(db, async (trx) => {
			const user = await findUserById(trx, userId);
			if (!user || user.anonymisedAt) throw new NotFoundError();
			if (await repo.findOpenRequestOf(trx, userId)) throw new ConflictError('md_error_request_open');
			const id = await repo.insertRequest(trx, { userId, reason, now: nowDb() });
			await audit(trx, { actorId: userId, action: 'user.deletion_requested', entityType: 'user', entityId: userId, after: { requestId: id } });
			await enqueueMail(trx, {
				recipient: user.email,
				locale: user.locale,
				mail: { template: 'data_deletion', params: { name: user.displayName, event: 'received', url: `${publicOrigin()}/account` } },
				dedupeKey: `data_deletion:received:${id}`
			});
			return id;
		});
	} catch (err) {
		// Two tabs asking at once: the unique key lets one through.
		if (isUniqueViolation(err)) throw new ConflictError('md_error_request_open');
		throw err;
	}
}

export async function withdrawDeletionRequest(db: Kysely<Database>, userId: number): Promise<void> {
	await withTransaction(db, async (trx) => {
		const open = await repo.findOpenRequestOf(trx, userId);
		if (!open || (await repo.closeRequest(trx, open.id, 'withdrawn', userId, nowDb())) === 0) throw new ConflictError('md_error_request_closed');
		await audit(trx, { actorId: userId, action: 'user.deletion_withdrawn', entityType: 'user', entityId: userId, after: { requestId: open.id } });
	});
}

/**
 * A coordinator carries out a request: the account is anonymised (see anonymiseUser),
 * the request closed and audited, and a last mail goes to the address the account had.
 */
export async function carryOutDeletion(db: Kysely<Database>, actor: Actor, requestId: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const request = await repo.findOpenRequestForUpdate(trx, requestId);
		if (!request) throw new ConflictError('md_error_request_closed');
		const now = nowDb();
		const { former, changed } = await anonymiseUser(trx, request.userId, now);
		await repo.closeRequest(trx, request.id, 'done', actor.id, now);
		await audit(trx, { actorId: actor.id, action: 'user.deleted', entityType: 'user', entityId: request.userId, after: { requestId: request.id } });
		// Already anonymised (by the retention job): there is no address left to tell.
		if (!changed) return;
		await enqueueMail(trx, {
			recipient: former.email,
			locale: former.locale,
			mail: { template: 'data_deletion', params: { name: former.displayName, event: 'done', url: `${publicOrigin()}/privacy` } },
			dedupeKey: `data_deletion:done:${request.id}`
		});
	});
}

export async function deletionRequestsPage(db: Kysely<Database>, actor: Actor) {
	requireCoordinator(actor);
	const [open, done] = await Promise.all([repo.listOpenRequests(db), repo.listDoneRequests(db, 20)]);
	return {
		open: open.map((r) => ({ ...r, requestedAt: fromDbTime(r.requestedAt), isSelf: r.userId === actor.id })),
		done: done.map((r) => ({ ...r, requestedAt: fromDbTime(r.requestedAt), resolvedAt: r.resolvedAt ? fromDbTime(r.resolvedAt) : null }))
	};
}
