import type { Kysely, Transaction } from 'kysely';
import { audit } from '../../audit/audit';
import { isCoordinator, type Actor } from '../../auth/actor';
import { findEditionById } from '../../campaigns/edition.repository';
import { isUniqueViolation } from '../../db/errors';
import type { Database } from '../../db/schema';
import { clock, days, fromDbTime, nowDb } from '../../db/time';
import { withTransaction } from '../../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { lockSlot, lockTrainers } from '../slots/slot-locks.repository';
import * as repo from '../slots/slot.repository';
import { trainerConflict } from '../slots/slot-rules';
import { queueWorkshopMails } from '../workshop-mail';

type Trx = Transaction<Database>;
type Trainer = NonNullable<Awaited<ReturnType<typeof repo.findTrainer>>>;

async function activeTrainer(trx: Trx, userId: number): Promise<Trainer> {
	const trainer = await repo.findTrainer(trx, userId);
	if (!trainer || !trainer.isTrainer || trainer.disabled) throw new ValidationError('ws_error_not_a_trainer', 'trainerId');
	return trainer;
}

/**
 * Puts a trainer on a slot, with the locks in their fixed order (trainer, then
 * slot) and every rule checked on rows read under those locks. The place itself
 * is taken by a conditional UPDATE, so a full slot stays full whatever happens.
 */
async function placeTrainer(trx: Trx, trainer: Trainer, slotId: number, byId: number, opts: { requirePublished: boolean }) {
	await lockTrainers(trx, [trainer.id]);
	const slot = await lockSlot(trx, slotId);
	if (!slot) throw new NotFoundError();
	const edition = (await findEditionById(trx, slot.editionId))!;
	if (slot.status === 'cancelled') throw new ConflictError('ws_error_slot_cancelled');
	if (edition.status === 'archived') throw new ConflictError('ws_error_edition_archived');
	if (opts.requirePublished && edition.status !== 'published') throw new NotFoundError();
	if (fromDbTime(slot.startsAt) <= clock.now()) throw new ConflictError('ws_error_slot_past');
	if (slot.organisationId !== null && slot.organisationId !== trainer.organisationId) throw new ForbiddenError('ws_error_not_offered');
	const booked = await repo.listActiveTrainerIds(trx, slotId);
	if (booked.includes(trainer.id)) throw new ConflictError('ws_error_already_booked');
	const conflict = trainerConflict(slot, await repo.listTrainerSlotsAround(trx, trainer.id, slot.localDate), edition);
	if (conflict?.kind === 'overlap') throw new ConflictError('ws_error_trainer_overlap');
	if (conflict?.kind === 'daily_max') throw new ValidationError('ws_error_trainer_daily_max', undefined, { max: conflict.max });
	const now = nowDb();
	if (!(await repo.takeTrainerPlace(trx, slotId, now))) throw new ConflictError('ws_error_slot_full');
	try {
		await repo.insertBooking(trx, { slotId, trainerId: trainer.id, bookedBy: byId, now });
	} catch (err) {
		if (isUniqueViolation(err)) throw new ConflictError('ws_error_already_booked');
		throw err;
	}
	return slot;
}

/** "I will give this one": a trainer books an open slot for themselves. */
export async function bookSlot(db: Kysely<Database>, actor: Actor, slotId: number): Promise<void> {
	if (!actor.roles.includes('trainer')) throw new ForbiddenError();
	await withTransaction(db, async (trx) => {
		const trainer = await activeTrainer(trx, actor.id);
		await placeTrainer(trx, trainer, slotId, actor.id, { requirePublished: true });
		await audit(trx, { actorId: actor.id, action: 'workshop.booked', entityType: 'workshop_slot', entityId: slotId, after: { trainerId: trainer.id } });
		await queueWorkshopMails(trx, slotId, { event: 'trainer_booked', trainerId: trainer.id, byTrainer: true });
	});
}

/**
 * Whether the actor may put `trainer` on or take them off `slot`: coordinators
 * always; an organisation's planner for trainers of that organisation, on slots
 * offered to it (or to all).
 */
function mayPlan(actor: Actor, planner: Trainer | undefined, trainer: Trainer, slot: { organisationId: number | null }): boolean {
	if (isCoordinator(actor)) return true;
	if (!planner || !planner.planner || !planner.isTrainer || planner.organisationId === null) return false;
	return trainer.organisationId === planner.organisationId && (slot.organisationId === null || slot.organisationId === planner.organisationId);
}

/** A coordinator, or an organisation's planner, puts a trainer on a slot. */
export async function assignTrainer(db: Kysely<Database>, actor: Actor, slotId: number, trainerId: number): Promise<void> {
	await withTransaction(db, async (trx) => {
		// Permission first, so that someone who may not plan learns nothing about other accounts.
		const planner = await repo.findTrainer(trx, actor.id);
		if (!isCoordinator(actor) && !(planner?.planner && planner.isTrainer)) throw new ForbiddenError();
		const peek = await repo.findSlotById(trx, slotId);
		if (!peek) throw new NotFoundError();
		const candidate = await repo.findTrainer(trx, trainerId);
		if (!isCoordinator(actor) && (!candidate || !mayPlan(actor, planner, candidate, peek))) throw new ForbiddenError();
		const trainer = await activeTrainer(trx, trainerId);
		// A planner works from the same open slots trainers see: only a coordinator plans in a draft edition.
		await placeTrainer(trx, trainer, slotId, actor.id, { requirePublished: !isCoordinator(actor) });
		await audit(trx, { actorId: actor.id, action: 'workshop.trainer_assigned', entityType: 'workshop_slot', entityId: slotId, after: { trainerId } });
		await queueWorkshopMails(trx, slotId, { event: 'trainer_booked', trainerId, byTrainer: false });
	});
}

/** The last moment a trainer may still cancel their own booking. */
export const cancellationDeadline = (slot: { startsAt: string }, edition: { cancellationDeadlineDays: number }) =>
	new Date(fromDbTime(slot.startsAt).getTime() - days(edition.cancellationDeadlineDays));

async function removeTrainer(
	trx: Trx,
	actor: Actor,
	slotId: number,
	trainerId: number,
	reason: string | null,
	check: (slot: NonNullable<Awaited<ReturnType<typeof lockSlot>>>) => Promise<void>
) {
	await lockTrainers(trx, [trainerId]);
	const slot = await lockSlot(trx, slotId);
	if (!slot) throw new NotFoundError();
	await check(slot);
	if (slot.outcome !== null) throw new ConflictError('ws_error_already_reported');
	const now = nowDb();
	if (!(await repo.endBooking(trx, { slotId, trainerId, by: actor.id, reason, now }))) throw new ConflictError('ws_error_not_booked');
	await repo.releaseTrainerPlace(trx, slotId, now);
}

/**
 * A trainer cancels their own booking, with a reason, up to the edition's
 * deadline; after it only a coordinator can change the booking.
 */
export async function cancelBooking(db: Kysely<Database>, actor: Actor, slotId: number, reason: string): Promise<void> {
	if (!reason.trim()) throw new ValidationError('ws_error_reason_required', 'reason');
	await withTransaction(db, async (trx) => {
		await removeTrainer(trx, actor, slotId, actor.id, reason.trim(), async (slot) => {
			const edition = (await findEditionById(trx, slot.editionId))!;
			if (clock.now() >= cancellationDeadline(slot, edition)) throw new ConflictError('ws_error_cancel_deadline_passed');
		});
		await audit(trx, {
			actorId: actor.id,
			action: 'workshop.booking_cancelled',
			entityType: 'workshop_slot',
			entityId: slotId,
			before: { trainerId: actor.id },
			after: { reason: reason.trim() }
		});
		await queueWorkshopMails(trx, slotId, { event: 'trainer_cancelled', trainerId: actor.id, byTrainer: true, reason: reason.trim() });
	});
}

/** A coordinator (any time before the report) or a planner (before the deadline) takes a trainer off a slot. */
export async function unassignTrainer(db: Kysely<Database>, actor: Actor, slotId: number, trainerId: number, reason: string | null): Promise<void> {
	await withTransaction(db, async (trx) => {
		const trainer = await repo.findTrainer(trx, trainerId);
		const planner = await repo.findTrainer(trx, actor.id);
		if (!trainer) throw new NotFoundError();
		await removeTrainer(trx, actor, slotId, trainerId, reason?.trim() || null, async (slot) => {
			if (!mayPlan(actor, planner, trainer as Trainer, slot)) throw new ForbiddenError();
			const edition = (await findEditionById(trx, slot.editionId))!;
			if (!isCoordinator(actor) && clock.now() >= cancellationDeadline(slot, edition)) throw new ConflictError('ws_error_cancel_deadline_passed');
		});
		await audit(trx, {
			actorId: actor.id,
			action: 'workshop.trainer_unassigned',
			entityType: 'workshop_slot',
			entityId: slotId,
			before: { trainerId },
			after: { reason: reason?.trim() || null }
		});
		await queueWorkshopMails(trx, slotId, { event: 'trainer_cancelled', trainerId, byTrainer: false, reason: reason?.trim() || null });
	});
}
