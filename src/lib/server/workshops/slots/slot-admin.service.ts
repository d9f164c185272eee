import type { Kysely, Transaction } from 'kysely';
import { audit } from '../../audit/audit';
import { requireCoordinator, type Actor } from '../../auth/actor';
import { findEditionById } from '../../campaigns/edition.repository';
import type { Row } from '../../db/rows';
import type { Database } from '../../db/schema';
import { nowDb, toDbTime } from '../../db/time';
import { withTransaction } from '../../db/transaction';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { brusselsDateOf, brusselsTimeOf, brusselsToUtc } from '../../../time/brussels';
import { bulkTimes, type BulkSlotInput, type SlotInput } from './slot-input';
import { lockClasses, lockSlot, lockTrainers } from './slot-locks.repository';
import * as repo from './slot.repository';
import { classClash, trainerConflict } from './slot-rules';
import { hoursException } from './slot-hours';
import { queueWorkshopMails } from '../workshop-mail';

type Trx = Transaction<Database>;
type Edition = Row<'editions'>;

/**
 * The UTC instants of a local day and wall-clock times. A time the clocks skip
 * (02:30 on the last Sunday of March) does not exist in Brussels and is refused
 * rather than silently moved.
 */
function instants(localDate: string, startTime: string, endTime: string) {
	const startsAt = brusselsToUtc(localDate, startTime);
	const endsAt = brusselsToUtc(localDate, endTime);
	if (brusselsTimeOf(startsAt) !== startTime || brusselsDateOf(startsAt) !== localDate) throw new ValidationError('ws_error_time_skipped', 'startTime');
	if (brusselsTimeOf(endsAt) !== endTime) throw new ValidationError('ws_error_time_skipped', 'endTime');
	if (endsAt <= startsAt) throw new ValidationError('ws_error_end_before_start', 'endTime');
	return { startsAt: toDbTime(startsAt), endsAt: toDbTime(endsAt) };
}

async function editionForPlanning(trx: Trx, editionId: number): Promise<Edition> {
	const edition = await findEditionById(trx, editionId);
	if (!edition) throw new NotFoundError();
	if (edition.status === 'archived') throw new ConflictError('ws_error_edition_archived');
	return edition;
}

/** Where and when a slot may be: inside the workshop period, not on a blocked day, at an active campus. */
async function assertPlacement(trx: Trx, edition: Edition, input: Pick<SlotInput, 'campusId' | 'localDate' | 'organisationId'>) {
	if (input.localDate < edition.workshopStartsOn || input.localDate > edition.workshopEndsOn)
		throw new ValidationError('ws_error_outside_period', 'localDate', { from: edition.workshopStartsOn, to: edition.workshopEndsOn });
	const blocked = await repo.findBlockedDay(trx, edition.id, input.localDate);
	if (blocked) throw new ValidationError('ws_error_blocked_day', 'localDate', { label: blocked.label ?? '' });
	const campus = await repo.findCampusForSlot(trx, input.campusId);
	if (!campus || !campus.active) throw new ValidationError('ws_error_campus_unknown', 'campusId');
	if (input.organisationId !== null && !(await repo.findExpertOrganisation(trx, input.organisationId)))
		throw new ValidationError('ws_error_organisation_unknown', 'organisationId');
}

const settingsRow = (input: Omit<SlotInput, 'startTime' | 'endTime'>) => ({
	campusId: input.campusId,
	localDate: input.localDate,
	room: input.room,
	language: input.language,
	trainersNeeded: input.trainersNeeded,
	maxPupils: input.maxPupils,
	organisationId: input.organisationId,
	trainerNote: input.trainerNote,
	hoursExceptionReason: input.hoursExceptionReason ?? null
});

/** A slot placed outside the school hours gets its own entry, with the reason, so the exception can be found later. */
async function auditHoursException(trx: Trx, actor: Actor, slotId: number, reason: string, when: { localDate: string; startsAt: string; endsAt: string }) {
	await audit(trx, {
		actorId: actor.id,
		action: 'workshop.slot_hours_exception',
		entityType: 'workshop_slot',
		entityId: slotId,
		after: { reason, ...when }
	});
}

async function insertNew(
	trx: Trx,
	actor: Actor,
	edition: Edition,
	input: Omit<SlotInput, 'startTime' | 'endTime'>,
	times: { startsAt: string; endsAt: string }
) {
	const now = nowDb();
	const row = { editionId: edition.id, ...settingsRow(input), ...times, status: 'scheduled' as const, createdBy: actor.id, createdAt: now, updatedAt: now };
	const id = await repo.insertSlot(trx, row);
	await audit(trx, {
		actorId: actor.id,
		action: 'workshop.slot_created',
		entityType: 'workshop_slot',
		entityId: id,
		after: { ...settingsRow(input), ...times }
	});
	if (input.hoursExceptionReason) await auditHoursException(trx, actor, id, input.hoursExceptionReason, { localDate: input.localDate, ...times });
	return id;
}

export async function createSlot(db: Kysely<Database>, actor: Actor, editionId: number, input: SlotInput): Promise<number> {
	requireCoordinator(actor);
	const times = instants(input.localDate, input.startTime, input.endTime);
	return withTransaction(db, async (trx) => {
		const edition = await editionForPlanning(trx, editionId);
		await assertPlacement(trx, edition, input);
		const hoursExceptionReason = hoursException(edition, input.localDate, [input], input.hoursExceptionReason, 'startTime');
		return insertNew(trx, actor, edition, { ...input, hoursExceptionReason }, times);
	});
}

/** A series of slots on one day at one campus, all or none. */
export async function createSlotsBulk(db: Kysely<Database>, actor: Actor, editionId: number, input: BulkSlotInput): Promise<number[]> {
	requireCoordinator(actor);
	const series = bulkTimes(input);
	if (!series) throw new ValidationError('ws_error_bulk_past_midnight', 'count');
	const times = series.map((t) => instants(input.localDate, t.startTime, t.endTime));
	return withTransaction(db, async (trx) => {
		const edition = await editionForPlanning(trx, editionId);
		await assertPlacement(trx, edition, input);
		// One exception covers the series, but only the slots that need it keep it.
		const ids: number[] = [];
		for (const [i, t] of times.entries()) {
			const hoursExceptionReason = hoursException(edition, input.localDate, [series[i]], input.hoursExceptionReason, 'firstStart');
			ids.push(await insertNew(trx, actor, edition, { ...input, hoursExceptionReason }, t));
		}
		return ids;
	});
}

/** Locks a slot together with everyone it concerns, in the fixed order: trainers, classes, slot. */
async function lockSlotAndPeople(trx: Trx, slotId: number) {
	const trainerIds = await repo.listActiveTrainerIds(trx, slotId);
	const classIds = await repo.listSlotClassIds(trx, slotId);
	await lockTrainers(trx, trainerIds);
	await lockClasses(trx, classIds);
	const slot = await lockSlot(trx, slotId);
	if (!slot) throw new NotFoundError();
	// Someone booked, was taken off, or changed the classes between the first read and the locks:
	// the rules below would be checked for the wrong people, so let the caller retry.
	if (String(await repo.listActiveTrainerIds(trx, slotId)) !== String(trainerIds)) throw new ConflictError('ws_error_changed_meanwhile');
	if (String(await repo.listSlotClassIds(trx, slotId)) !== String(classIds)) throw new ConflictError('ws_error_changed_meanwhile');
	return { slot, trainerIds, classIds };
}

async function assertPeopleFree(trx: Trx, edition: Edition, slot: repo.SlotTime, trainerIds: number[], classIds: number[]) {
	for (const trainerId of trainerIds) {
		const conflict = trainerConflict(slot, await repo.listTrainerSlotsAround(trx, trainerId, slot.localDate), edition);
		if (conflict) throw new ConflictError(conflict.kind === 'overlap' ? 'ws_error_change_trainer_overlap' : 'ws_error_change_trainer_daily_max');
	}
	const classSlots = await repo.listClassSlotsAround(trx, classIds, slot.localDate);
	if (classSlots.some((s) => classClash(slot, [s]))) throw new ConflictError('ws_error_class_overlap', 'classIds');
}

/**
 * Saves a slot's settings. A new time, day or campus is re-checked against its
 * booked trainers and classes under their locks; a change that would break a
 * rule is refused as a whole.
 */
export async function updateSlot(db: Kysely<Database>, actor: Actor, slotId: number, input: SlotInput): Promise<void> {
	requireCoordinator(actor);
	const times = instants(input.localDate, input.startTime, input.endTime);
	await withTransaction(db, async (trx) => {
		const { slot, trainerIds, classIds } = await lockSlotAndPeople(trx, slotId);
		if (slot.status === 'cancelled') throw new ConflictError('ws_error_slot_cancelled');
		if (slot.outcome !== null) throw new ConflictError('ws_error_already_reported');
		const edition = await editionForPlanning(trx, slot.editionId);
		await assertPlacement(trx, edition, input);
		const hoursExceptionReason = hoursException(edition, input.localDate, [input], input.hoursExceptionReason, 'startTime');
		if (input.trainersNeeded < slot.trainersBooked)
			throw new ValidationError('ws_error_needed_below_booked', 'trainersNeeded', { booked: slot.trainersBooked });
		if (input.campusId !== slot.campusId && classIds.length) throw new ValidationError('ws_error_campus_has_classes', 'campusId');
		const classes = await repo.findClassesByIds(trx, classIds);
		const pupils = classes.reduce((sum, c) => sum + c.pupilCount, 0);
		if (input.maxPupils !== null && pupils > input.maxPupils)
			throw new ValidationError('ws_error_pupils_over_max', 'maxPupils', { pupils, max: input.maxPupils });
		const next = { id: slotId, campusId: input.campusId, localDate: input.localDate, ...times };
		await assertPeopleFree(trx, edition, next, trainerIds, classIds);
		const before = {
			...settingsRow({ ...slot, language: slot.language, trainersNeeded: slot.trainersNeeded as 1 | 2 }),
			startsAt: slot.startsAt,
			endsAt: slot.endsAt
		};
		const after = { ...settingsRow({ ...input, hoursExceptionReason }), ...times };
		await repo.updateSlot(trx, slotId, after, nowDb());
		await audit(trx, { actorId: actor.id, action: 'workshop.slot_updated', entityType: 'workshop_slot', entityId: slotId, before, after });
		if (hoursExceptionReason && hoursExceptionReason !== slot.hoursExceptionReason)
			await auditHoursException(trx, actor, slotId, hoursExceptionReason, { localDate: input.localDate, ...times });
		const moved = slot.startsAt !== times.startsAt || slot.endsAt !== times.endsAt || slot.campusId !== input.campusId || slot.room !== input.room;
		if (moved) await queueWorkshopMails(trx, slotId, { event: 'slot_changed' });
	});
}

/** Cancels a slot: it stays (calendars show it as cancelled), its trainers and classes are freed. */
export async function cancelSlot(db: Kysely<Database>, actor: Actor, slotId: number, reason: string): Promise<void> {
	requireCoordinator(actor);
	if (!reason.trim()) throw new ValidationError('ws_error_reason_required', 'reason');
	await withTransaction(db, async (trx) => {
		const { slot } = await lockSlotAndPeople(trx, slotId);
		if (slot.status === 'cancelled') throw new ConflictError('ws_error_slot_cancelled');
		if (slot.outcome !== null) throw new ConflictError('ws_error_already_reported');
		await repo.updateSlot(trx, slotId, { status: 'cancelled', cancelledAt: nowDb(), cancelReason: reason.trim() }, nowDb());
		await audit(trx, { actorId: actor.id, action: 'workshop.slot_cancelled', entityType: 'workshop_slot', entityId: slotId, after: { reason: reason.trim() } });
		await queueWorkshopMails(trx, slotId, { event: 'slot_cancelled', reason: reason.trim() });
	});
}

type LockedSlot = NonNullable<Awaited<ReturnType<typeof lockSlot>>>;

/**
 * The classes a slot serves: enrolled classes of the slot's campus and edition,
 * together within its pupil maximum, none of them in another slot at that time.
 */
export async function setSlotClasses(db: Kysely<Database>, actor: Actor, slotId: number, classIds: number[]): Promise<void> {
	requireCoordinator(actor);
	const wanted = [...new Set(classIds)].sort((a, b) => a - b);
	await withTransaction(db, async (trx) => {
		const current = await repo.listSlotClassIds(trx, slotId);
		await lockClasses(trx, [...new Set([...current, ...wanted])]);
		const slot = await lockSlot(trx, slotId);
		if (!slot) throw new NotFoundError();
		await writeSlotClasses(trx, actor, slot, current, wanted);
	});
}

/**
 * Adds one class to a slot, under setSlotClasses's rules. The class is locked,
 * then the slot, and the slot's classes are read under the slot's lock, so a
 * class that someone else put on it meanwhile stays and counts for the maximum.
 * `check` adds the caller's own conditions, read under those same locks.
 */
export async function addClassToSlot(
	db: Kysely<Database>,
	actor: Actor,
	slotId: number,
	classId: number,
	check: (trx: Trx, slot: LockedSlot, current: number[]) => Promise<void>
): Promise<void> {
	requireCoordinator(actor);
	await withTransaction(db, async (trx) => {
		await lockClasses(trx, [classId]);
		const slot = await lockSlot(trx, slotId);
		if (!slot) throw new NotFoundError();
		const current = await repo.listSlotClassIds(trx, slotId);
		await check(trx, slot, current);
		if (current.includes(classId)) return;
		await writeSlotClasses(
			trx,
			actor,
			slot,
			current,
			[...current, classId].sort((a, b) => a - b)
		);
	});
}

/** The rules and writes of a slot's classes, with the classes and the slot already locked. */
async function writeSlotClasses(trx: Trx, actor: Actor, slot: LockedSlot, current: number[], wanted: number[]) {
	const slotId = slot.id;
	if (slot.status === 'cancelled') throw new ConflictError('ws_error_slot_cancelled');
	await editionForPlanning(trx, slot.editionId);
	const classes = await repo.findClassesByIds(trx, wanted);
	if (classes.length !== wanted.length) throw new ValidationError('ws_error_class_unknown', 'classIds');
	for (const c of classes) {
		if (c.editionId !== slot.editionId) throw new ValidationError('ws_error_class_other_edition', 'classIds', { name: c.name });
		if (c.campusId !== slot.campusId) throw new ValidationError('ws_error_class_other_campus', 'classIds', { name: c.name });
		if (c.status !== 'enrolled' && !current.includes(c.id)) throw new ValidationError('ws_error_class_not_enrolled', 'classIds', { name: c.name });
		// A materials-only class asked for no workshop (issue 17.5).
		if (c.participation === 'materials' && !current.includes(c.id)) throw new ValidationError('mo_error_on_slot', 'classIds', { name: c.name });
	}
	const pupils = classes.reduce((sum, c) => sum + c.pupilCount, 0);
	if (slot.maxPupils !== null && pupils > slot.maxPupils) throw new ValidationError('ws_error_pupils_over_max', 'classIds', { pupils, max: slot.maxPupils });
	const clash = classClash(
		slot,
		(await repo.listClassSlotsAround(trx, wanted, slot.localDate)).filter((s) => s.id !== slotId)
	);
	if (clash) throw new ConflictError('ws_error_class_overlap', 'classIds');
	await repo.replaceSlotClasses(trx, slotId, wanted);
	await repo.updateSlot(trx, slotId, {}, nowDb());
	await audit(trx, {
		actorId: actor.id,
		action: 'workshop.slot_classes_set',
		entityType: 'workshop_slot',
		entityId: slotId,
		before: { classIds: current },
		after: { classIds: wanted }
	});
	const added = wanted.filter((id) => !current.includes(id));
	if (added.length) await queueWorkshopMails(trx, slotId, { event: 'classes_scheduled', classIds: added });
	const removed = current.filter((id) => !wanted.includes(id));
	if (removed.length) await queueWorkshopMails(trx, slotId, { event: 'classes_unscheduled', classIds: removed });
}
