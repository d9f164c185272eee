import type { Db } from '../../db/index';
import type { NewRow, Row, RowUpdate } from '../../db/rows';
import type { DbTime } from '../../db/time';
import { addDays } from '../../../time/brussels';

export const findSlotById = (db: Db, id: number) => db.selectFrom('workshopSlots').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSlot(db: Db, row: NewRow<'workshopSlots'>): Promise<number> {
	const result = await db.insertInto('workshopSlots').values(row).executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export async function updateSlot(db: Db, id: number, changes: Omit<RowUpdate<'workshopSlots'>, 'id' | 'sequence' | 'trainersBooked'>, now: DbTime) {
	await db
		.updateTable('workshopSlots')
		.set((eb) => ({ ...changes, sequence: eb('sequence', '+', 1), updatedAt: now }))
		.where('id', '=', id)
		.execute();
}

/** Writes a workshop's report (given or not); the slot's sequence stays: no calendar event changes. */
export const recordSlotReport = (
	db: Db,
	id: number,
	report: Pick<Row<'workshopSlots'>, 'outcome' | 'pupilsPresent' | 'durationMinutes' | 'notGivenReason' | 'reportNote'>,
	by: { userId: number; at: DbTime }
) =>
	db
		.updateTable('workshopSlots')
		.set({ ...report, reportedAt: by.at, reportedBy: by.userId, updatedAt: by.at })
		.where('id', '=', id)
		.execute();

/**
 * Takes one of the slot's trainer places, only while one is free and the slot is
 * scheduled: the affected-row count is the database's answer to "was it free?".
 */
export async function takeTrainerPlace(db: Db, slotId: number, now: DbTime): Promise<boolean> {
	const result = await db
		.updateTable('workshopSlots')
		.set((eb) => ({ trainersBooked: eb('trainersBooked', '+', 1), sequence: eb('sequence', '+', 1), updatedAt: now }))
		.where('id', '=', slotId)
		.where('status', '=', 'scheduled')
		.whereRef('trainersBooked', '<', 'trainersNeeded')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function releaseTrainerPlace(db: Db, slotId: number, now: DbTime): Promise<void> {
	await db
		.updateTable('workshopSlots')
		.set((eb) => ({ trainersBooked: eb('trainersBooked', '-', 1), sequence: eb('sequence', '+', 1), updatedAt: now }))
		.where('id', '=', slotId)
		.where('trainersBooked', '>', 0)
		.execute();
}

export const slotTimeColumns = [
	'workshopSlots.id',
	'workshopSlots.campusId',
	'workshopSlots.localDate',
	'workshopSlots.startsAt',
	'workshopSlots.endsAt'
] as const;

/**
 * What every list or card of slots shows: when, where (campus and school: the
 * query joins both), what is asked of trainers and what became of it. The
 * coordinator's list (slot-list.repository.ts) and the trainers' slot cards
 * (trainer-slot-view.repository.ts) select these and add their own.
 */
export const slotSummaryColumns = [
	...slotTimeColumns,
	'workshopSlots.room',
	'workshopSlots.language',
	'workshopSlots.trainersNeeded',
	'workshopSlots.trainersBooked',
	'workshopSlots.organisationId',
	'workshopSlots.status',
	'workshopSlots.outcome',
	'campuses.name as campusName',
	'schools.name as schoolName'
] as const;

/**
 * The scheduled slots a trainer gives from the day before to the day after
 * `localDate` (a buffer can reach across midnight; the daily count needs the day).
 */
export const listTrainerSlotsAround = (db: Db, trainerId: number, localDate: string) =>
	db
		.selectFrom('slotTrainers')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId')
		.select(slotTimeColumns)
		.where('slotTrainers.trainerId', '=', trainerId)
		.where('slotTrainers.active', '=', 1)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.localDate', '>=', addDays(localDate, -1))
		.where('workshopSlots.localDate', '<=', addDays(localDate, 1))
		.execute();

/** The scheduled slots of these classes around a day, with the class they belong to. */
export const listClassSlotsAround = (db: Db, classIds: number[], localDate: string) =>
	classIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotClasses')
				.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
				.select([...slotTimeColumns, 'slotClasses.classId'])
				.where('slotClasses.classId', 'in', classIds)
				.where('workshopSlots.status', '=', 'scheduled')
				.where('workshopSlots.localDate', '>=', addDays(localDate, -1))
				.where('workshopSlots.localDate', '<=', addDays(localDate, 1))
				.execute();

export const listActiveTrainerIds = async (db: Db, slotId: number) =>
	(await db.selectFrom('slotTrainers').select('trainerId').where('slotId', '=', slotId).where('active', '=', 1).orderBy('trainerId').execute()).map(
		(r) => r.trainerId
	);

export const listSlotClassIds = async (db: Db, slotId: number) =>
	(await db.selectFrom('slotClasses').select('classId').where('slotId', '=', slotId).orderBy('classId').execute()).map((r) => r.classId);

export async function insertBooking(db: Db, row: { slotId: number; trainerId: number; bookedBy: number; now: DbTime }): Promise<void> {
	await db.insertInto('slotTrainers').values({ slotId: row.slotId, trainerId: row.trainerId, active: 1, bookedAt: row.now, bookedBy: row.bookedBy }).execute();
}

/** Ends a booking; returns false when the trainer was not booked on the slot. */
export async function endBooking(db: Db, row: { slotId: number; trainerId: number; by: number; reason: string | null; now: DbTime }): Promise<boolean> {
	const result = await db
		.updateTable('slotTrainers')
		.set({ active: null, cancelledAt: row.now, cancelledBy: row.by, cancelReason: row.reason })
		.where('slotId', '=', row.slotId)
		.where('trainerId', '=', row.trainerId)
		.where('active', '=', 1)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function replaceSlotClasses(db: Db, slotId: number, classIds: number[]): Promise<void> {
	await db.deleteFrom('slotClasses').where('slotId', '=', slotId).execute();
	if (classIds.length)
		await db
			.insertInto('slotClasses')
			.values(classIds.map((classId) => ({ slotId, classId })))
			.execute();
}

/** Classes as a slot's rules need them: campus, edition, status, pupils and whether they want a workshop. */
export const findClassesByIds = (db: Db, ids: number[]) =>
	ids.length === 0
		? Promise.resolve([])
		: db.selectFrom('classes').select(['id', 'name', 'campusId', 'editionId', 'status', 'pupilCount', 'participation']).where('id', 'in', ids).execute();

/** A trainer as booking needs them: role, organisation, whether they may plan for it. */
export const findTrainer = (db: Db, userId: number) =>
	db
		.selectFrom('users')
		.select((eb) => [
			'users.id',
			'users.displayName',
			'users.email',
			'users.locale',
			'users.organisationId',
			'users.planner',
			'users.disabled',
			eb
				.exists(eb.selectFrom('userRoles').select('userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', 'trainer'))
				.as('isTrainer')
		])
		.where('users.id', '=', userId)
		.executeTakeFirst();

export const findBlockedDay = (db: Db, editionId: number, localDate: string) =>
	db.selectFrom('blockedDays').select(['kind', 'label']).where('editionId', '=', editionId).where('localDate', '=', localDate).executeTakeFirst();

export const findCampusForSlot = (db: Db, campusId: number) =>
	db.selectFrom('campuses').select(['id', 'name', 'active']).where('id', '=', campusId).executeTakeFirst();

export const findExpertOrganisation = (db: Db, id: number) =>
	db.selectFrom('organisations').select('id').where('id', '=', id).where('kind', '=', 'expert').executeTakeFirst();

export type SlotTime = Pick<Row<'workshopSlots'>, 'id' | 'campusId' | 'localDate' | 'startsAt' | 'endsAt'>;

/** The scheduled workshops a class is in that have not started yet. */
export const listUpcomingSlotIdsOfClass = async (db: Db, classId: number, now: DbTime) =>
	(
		await db
			.selectFrom('slotClasses')
			.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
			.select('workshopSlots.id')
			.where('slotClasses.classId', '=', classId)
			.where('workshopSlots.status', '=', 'scheduled')
			.where('workshopSlots.startsAt', '>', now)
			.orderBy('workshopSlots.id')
			.execute()
	).map((r) => r.id);
