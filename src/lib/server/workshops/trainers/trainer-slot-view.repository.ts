import type { Db } from '../../db/index';
import { slotSummaryColumns } from '../slots/slot.repository';

/**
 * Read-side queries shared by the trainer's pages: one slot row with where and
 * when it is, and the classes and trainers of a whole page of slots in one
 * query each (never one query per slot).
 */

/** What a slot card shows; the query joins the slot's campus, school and edition. */
export const slotCardColumns = [
	...slotSummaryColumns,
	'workshopSlots.editionId',
	'workshopSlots.trainerNote',
	'workshopSlots.cancelReason',
	'workshopSlots.pupilsPresent',
	'workshopSlots.durationMinutes',
	'workshopSlots.reportNote',
	'workshopSlots.notGivenReason',
	'workshopSlots.reportedAt',
	'campuses.street',
	'campuses.postalCode',
	'campuses.city',
	'editions.name as editionName',
	'editions.status as editionStatus',
	'editions.cancellationDeadlineDays'
] as const;

export const slotCardBase = (db: Db) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.select(slotCardColumns);

export type SlotCardRow = Awaited<ReturnType<ReturnType<typeof slotCardBase>['executeTakeFirstOrThrow']>>;

export const findSlotCard = (db: Db, slotId: number) => slotCardBase(db).where('workshopSlots.id', '=', slotId).executeTakeFirst();
