import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ValidationError } from '../errors';
import { countEnrolled, updateClass, waitingPosition } from './class.repository';
import { mailClassStatus } from './enrollment-mail';
import { lockClass, promoteAndMail } from './enrollment.service';
import { hasPlace, type Promotion } from './quota';

/**
 * A coordinator moves a waiting class onto the enrolled list. Places are never
 * over-allocated, so this works only while the quotas leave room for it.
 */
export async function moveToEnrolled(db: Kysely<Database>, actor: Actor, classId: number): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		const { edition, cls } = await lockClass(trx, classId);
		if (cls.status !== 'waiting') return;
		if (!hasPlace(edition, await countEnrolled(trx, edition.id, cls.campusId))) throw new ValidationError('error_no_place');
		await updateClass(trx, classId, { status: 'enrolled' }, nowDb());
		await audit(trx, { actorId: actor.id, action: 'class.promoted', entityType: 'class', entityId: classId, before: { status: 'waiting' }, after: { status: 'enrolled' } });
		await mailClassStatus(trx, 'class_promoted', classId, null);
	});
}

/**
 * A coordinator moves an enrolled class to the end of the waiting list; the place
 * it frees goes to the first eligible waiting class (which may be this one again
 * if no other class can use the place).
 */
export async function moveToWaitingList(db: Kysely<Database>, actor: Actor, classId: number): Promise<Promotion[]> {
	requireCoordinator(actor);
	return withTransaction(db, async (trx) => {
		const { edition, cls } = await lockClass(trx, classId);
		if (cls.status !== 'enrolled') return [];
		const now = nowDb();
		await updateClass(trx, classId, { status: 'waiting', queuedAt: now }, now);
		await audit(trx, { actorId: actor.id, action: 'class.moved_to_waiting_list', entityType: 'class', entityId: classId, before: { status: 'enrolled' }, after: { status: 'waiting' } });
		const promoted = await promoteAndMail(trx, actor, edition.id, edition);
		if (!promoted.some((p) => p.classId === classId)) await mailClassStatus(trx, 'class_waiting', classId, await waitingPosition(trx, edition.id, classId));
		return promoted;
	});
}
