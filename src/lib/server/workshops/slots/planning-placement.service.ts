import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor';
import { coordinatorEdition } from '../../campaigns/coordinator-edition';
import type { Database } from '../../db/schema';
import { nowDb } from '../../db/time';
import { ConflictError, DomainError, NotFoundError } from '../../errors';
import { findClassToPlace, findPlacement } from './planning-proposals.repository';
import { addClassToSlot } from './slot-admin.service';
import { findBlockedDay } from './slot.repository';
import { localTimes } from './slot-view';

type Slot = Parameters<Parameters<typeof addClassToSlot>[4]>[1];

/**
 * "Place here" on the planning page: puts a class that has no workshop yet on
 * one of its proposed slots. The slot's own rules (its maximum, the class's
 * other workshops, the edition still open) are addClassToSlot's, under its
 * locks; this adds, under the same locks, that the proposal still holds. A
 * proposal that went stale between the page and the click is refused with a
 * message that says so, and nothing is written.
 */
export async function placeFromProposal(db: Kysely<Database>, actor: Actor, editionId: number, classId: number, slotId: number): Promise<void> {
	await coordinatorEdition(db, actor, editionId);
	try {
		await addClassToSlot(db, actor, slotId, classId, (trx, slot, current) => proposalStillHolds(trx, editionId, classId, slot, current));
	} catch (err) {
		throw staleProposal(err);
	}
}

async function proposalStillHolds(trx: Transaction<Database>, editionId: number, classId: number, slot: Slot, current: number[]) {
	const klass = await findClassToPlace(trx, classId);
	if (!klass || klass.editionId !== editionId || slot.editionId !== editionId) throw new NotFoundError();
	if (klass.status !== 'enrolled') throw new ConflictError('wsp_error_class_not_enrolled');
	if (klass.planned) throw new ConflictError('wsp_error_class_planned');
	if (slot.status !== 'scheduled' || slot.startsAt <= nowDb() || slot.language !== klass.language) throw new ConflictError('wsp_error_slot_unfit');
	if (await findBlockedDay(trx, editionId, slot.localDate)) throw new ConflictError('wsp_error_slot_unfit');
	// Without a maximum a slot is for one class: taken once a class is on it.
	if (slot.maxPupils === null && current.length > 0) throw new ConflictError('wsp_error_slot_full');
}

/** The slot rules speak about a form of ticked classes; here they mean the proposal is no longer free. */
function staleProposal(err: unknown) {
	if (!(err instanceof DomainError) || err.field !== 'classIds') return err;
	if (err.messageKey === 'ws_error_pupils_over_max') return new ConflictError('wsp_error_slot_full');
	if (err.messageKey === 'ws_error_class_overlap') return new ConflictError('wsp_error_class_busy');
	return new ConflictError('wsp_error_slot_unfit');
}

/** The success notice's facts after a placement, or null when the address names no placement of this edition. */
export async function placementNotice(db: Kysely<Database>, editionId: number, slotId: number, classId: number) {
	const row = await findPlacement(db, editionId, slotId, classId);
	return row ? { className: row.className, slotId: row.slotId, localDate: row.localDate, ...localTimes(row) } : null;
}
