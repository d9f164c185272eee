import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { fromDbTime, nowDb, toDbTime } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ValidationError } from '../errors';
import { findClassById, lastQueuedAt, listWaiting, updateClass, waitingPosition } from './class.repository';
import { mailClassStatus } from './enrolment-mail';
import { lockClass, promoteAndMail } from './enrolment.service';
import type { Promotion } from './quota';

/**
 * A coordinator gives a waiting class priority: it moves to the front of the
 * waiting list, so the next place that fits its campus goes to it. Places are
 * never over-allocated, so there is no "enrol it anyway": when a place is free
 * the first eligible class already has it.
 */
export async function prioritise(db: Kysely<Database>, actor: Actor, classId: number): Promise<Promotion[]> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const { edition, cls } = await lockClass(trx, classId);
		if (cls.status !== 'waiting') throw new ValidationError('error_not_waiting');
		const [first] = await listWaiting(trx, edition.id);
		const firstAt = first ? (await findClassById(trx, first.id))!.queuedAt : cls.queuedAt;
		if (first && first.id !== classId) {
			// One millisecond before the current first: positions stay derived from arrival order.
			await updateClass(trx, cls, { queuedAt: toDbTime(new Date(fromDbTime(firstAt).getTime() - 1)) }, nowDb());
		}
		await audit(trx, { actorId: actor.id, action: 'class.prioritised', entityType: 'class', entityId: classId });
		return promoteAndMail(trx, actor, edition.id, edition);
	});
}

/**
 * A coordinator moves an enrolled class to the end of the waiting list; the place
 * it frees goes to the first eligible waiting class. When no other class can use
 * the place the move is refused: the class would only get it straight back.
 */
export async function moveToWaitingList(db: Kysely<Database>, actor: Actor, classId: number): Promise<Promotion[]> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const { edition, cls } = await lockClass(trx, classId);
		if (cls.status !== 'enrolled') return [];
		const now = nowDb();
		// Behind everyone who waits, even one who joined in this same millisecond.
		const last = await lastQueuedAt(trx, edition.id);
		const queuedAt = last && last >= now ? toDbTime(new Date(fromDbTime(last).getTime() + 1)) : now;
		await updateClass(trx, cls, { status: 'waiting', queuedAt }, now);
		await audit(trx, {
			actorId: actor.id,
			action: 'class.moved_to_waiting_list',
			entityType: 'class',
			entityId: classId,
			before: { status: 'enrolled' },
			after: { status: 'waiting' }
		});
		const promoted = await promoteAndMail(trx, actor, edition.id, edition);
		// Nobody else could use the place, so the class would get it straight back: change nothing.
		if (promoted.some((p) => p.classId === classId)) throw new ValidationError('error_nobody_waiting');
		await mailClassStatus(trx, 'class_waiting', classId, await waitingPosition(trx, edition.id, classId));
		return promoted;
	});
}
