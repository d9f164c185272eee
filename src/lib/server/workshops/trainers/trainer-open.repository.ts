import { sql } from 'kysely';
import type { Db } from '../../db/index';
import { isMysql } from '../../db/dialect-of';
import type { InstructionLanguage } from '../../db/schema';
import { fromDbTime, type DbTime } from '../../db/time';
import { addDays, brusselsDateOf } from '../../../time/brussels';
import { clashingBookings, firstClash, withMyBookings } from './trainer-bookable.repository';
import { slotCardColumns } from './trainer-slot-view.repository';

/**
 * Open slots: scheduled, not yet started, in a published edition, offered to the
 * organisation (or to all) and still short of trainers. `trainer` makes it the
 * trainer's own list: it leaves out the slots they already give (a planner's
 * list keeps them) and, with `show: 'bookable'`, also those they cannot book now
 * (overlap, travel buffer, daily maximum: trainer-bookable.repository.ts); with
 * `show: 'all'` it keeps those and says for each what is in the way.
 */
export interface OpenScope {
	organisationId: number | null;
	trainer?: { id: number; show: 'bookable' | 'all' };
	now: DbTime;
}

export interface OpenFilters {
	from?: string | null;
	to?: string | null;
	campusId?: number | null;
	language?: InstructionLanguage | null;
}

/** Where the previous page ended: the last slot's start and id (keyset paging). */
export interface OpenCursor {
	startsAt: DbTime;
	id: number;
}

/**
 * The trainer's bookings that can matter: an open slot starts after `now`, so on
 * or after today in Brussels, and the rules look one day either side of it.
 */
const firstDayThatMatters = (now: DbTime) => addDays(brusselsDateOf(fromDbTime(now)), -1);

function openBase(db: Db, scope: OpenScope, f: OpenFilters) {
	const orgId = scope.organisationId;
	const trainerId = scope.trainer?.id;
	// Without a trainer the bookings' tables are named but never read (a planner's list).
	return withMyBookings(db, trainerId ?? 0, firstDayThatMatters(scope.now))
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.select(slotCardColumns)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', scope.now)
		.where('editions.status', '=', 'published')
		.whereRef('workshopSlots.trainersBooked', '<', 'workshopSlots.trainersNeeded')
		.where((eb) =>
			orgId === null
				? eb('workshopSlots.organisationId', 'is', null)
				: eb.or([eb('workshopSlots.organisationId', 'is', null), eb('workshopSlots.organisationId', '=', orgId)])
		)
		.$if(trainerId !== undefined, (q) =>
			q.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('slotTrainers')
							.select('slotTrainers.id')
							.whereRef('slotTrainers.slotId', '=', 'workshopSlots.id')
							.where('slotTrainers.trainerId', '=', trainerId!)
							.where('slotTrainers.active', '=', 1)
					)
				)
			)
		)
		.$if(scope.trainer?.show === 'bookable', (q) =>
			q
				.leftJoin('mineDays', 'mineDays.localDate', 'workshopSlots.localDate')
				.where((eb) => eb(eb.fn.coalesce('mineDays.n', eb.lit(0)), '<', eb.ref('editions.maxWorkshopsPerTrainerDay')))
				.where((eb) => eb.not(eb.exists(clashingBookings(db, eb).select('mine.id'))))
		)
		.$if(!!f.from, (q) => q.where('workshopSlots.localDate', '>=', f.from!))
		.$if(!!f.to, (q) => q.where('workshopSlots.localDate', '<=', f.to!))
		.$if(!!f.campusId, (q) => q.where('workshopSlots.campusId', '=', f.campusId!))
		.$if(!!f.language, (q) => q.where('workshopSlots.language', '=', f.language!));
}

/**
 * One page of open slots in time order, plus one extra row that says whether more
 * follow. With `show: 'all'` each row also says what stands in the way of the
 * trainer: `clashId` (the first of their workshops it collides with, or null) and
 * `sameDay` (how many they already give that day; the edition's maximum is
 * `maxPerDay`).
 *
 * MariaDB would start from the few published editions and sort all their open
 * slots for every page; STRAIGHT_JOIN makes it read the slots first, in the
 * order of workshop_slots_open_time_idx, and stop after one page (SQLite finds
 * that plan itself).
 */
export function listOpenSlots(db: Db, scope: OpenScope, f: OpenFilters, after: OpenCursor | null, limit: number) {
	return openBase(db, scope, f)
		.$if(isMysql(db), (q) => q.modifyFront(sql`straight_join`))
		.$if(scope.trainer?.show === 'all', (q) =>
			q
				.leftJoin('mineDays', 'mineDays.localDate', 'workshopSlots.localDate')
				.select((eb) => [
					firstClash(db, eb).as('clashId'),
					eb.fn.coalesce('mineDays.n', eb.lit(0)).as('sameDay'),
					'editions.maxWorkshopsPerTrainerDay as maxPerDay',
					'editions.travelBufferMinutes as travelBuffer'
				])
		)
		.$if(after !== null, (q) =>
			q.where((eb) =>
				eb.or([
					eb('workshopSlots.startsAt', '>', after!.startsAt),
					eb.and([eb('workshopSlots.startsAt', '=', after!.startsAt), eb('workshopSlots.id', '>', after!.id)])
				])
			)
		)
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.limit(limit + 1)
		.execute();
}

export async function countOpenSlots(db: Db, scope: OpenScope, f: OpenFilters = {}): Promise<number> {
	const row = await openBase(db, scope, f)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The campuses that have slots in this list (bookable ones, or all open ones), for the filter's choices. */
export const listOpenCampuses = (db: Db, scope: OpenScope) =>
	openBase(db, scope, {})
		.clearSelect()
		.select(['campuses.id', 'campuses.name', 'campuses.city'])
		.distinct()
		.orderBy('campuses.name')
		.orderBy('campuses.id')
		.execute();
