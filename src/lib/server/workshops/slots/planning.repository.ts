import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/index';
import type { Database } from '../../db/schema';
import type { DbTime } from '../../db/time';

/**
 * Read side of the planning view: per campus taking part, the enrolled classes
 * without a scheduled workshop and the slots there with room for pupils. Every
 * query is set-based over one page of campuses, never one query per class.
 */

/** "This class is in a scheduled slot", as a condition on `classes`. */
export const inScheduledSlot = (eb: ExpressionBuilder<Database, 'classes'>) =>
	eb.exists(
		eb
			.selectFrom('slotClasses')
			.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
			.select('slotClasses.slotId')
			.whereRef('slotClasses.classId', '=', 'classes.id')
			.where('workshopSlots.status', '=', 'scheduled')
	);

const withoutSlot = (eb: ExpressionBuilder<Database, 'classes'>) => eb.not(inScheduledSlot(eb));

/** Enrolled classes that want a workshop per campus (materials-only ones are never to plan), read from classes_edition_participation_idx alone. */
const enrolledPerCampus = (db: Db, editionId: number) =>
	db
		.selectFrom('classes')
		.select((eb) => ['classes.campusId', eb.fn.countAll<number>().as('enrolled')])
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '=', 'enrolled')
		.where('classes.participation', '=', 'workshop')
		.groupBy('classes.campusId');

/** Per campus, how many enrolled classes are in a scheduled slot: from the edition's slots, not one lookup per class. */
const plannedPerCampus = (db: Db, editionId: number) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('slotClasses', 'slotClasses.slotId', 'workshopSlots.id')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.select((eb) => ['classes.campusId', eb.fn.count<number>('slotClasses.classId').distinct().as('planned')])
		.where('workshopSlots.editionId', '=', editionId)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('classes.status', '=', 'enrolled')
		.groupBy('classes.campusId');

/**
 * Campuses with enrolled classes in the edition, with how many of those classes
 * have no slot yet: enrolled minus planned, two grouped reads joined per campus.
 * (Asking "is this class in a slot?" per class cost 100,000 lookups, twice, on
 * every page view: over a second on MariaDB, npm run bench.)
 */
function campusTotals(db: Db, editionId: number, onlyUnplanned: boolean) {
	const unplanned = sql<number>`${sql.ref('e.enrolled')} - coalesce(${sql.ref('p.planned')}, 0)`;
	return db
		.selectFrom(enrolledPerCampus(db, editionId).as('e'))
		.innerJoin('campuses', 'campuses.id', 'e.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.leftJoin(plannedPerCampus(db, editionId).as('p'), 'p.campusId', 'e.campusId')
		.select([
			'campuses.id',
			'campuses.name',
			'schools.name as schoolName',
			'schools.nameKey as schoolKey',
			'campuses.nameKey as campusKey',
			'e.enrolled',
			unplanned.as('unplanned')
		])
		.$if(onlyUnplanned, (q) => q.where(unplanned, '>', 0));
}

export async function countPlanningCampuses(db: Db, editionId: number, onlyUnplanned: boolean): Promise<number> {
	const row = await db
		.selectFrom(campusTotals(db, editionId, onlyUnplanned).as('t'))
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function listPlanningCampuses(db: Db, editionId: number, opts: { onlyUnplanned: boolean; limit: number; offset: number }) {
	const rows = await db
		.selectFrom(campusTotals(db, editionId, opts.onlyUnplanned).as('t'))
		.selectAll()
		.orderBy('t.schoolKey')
		.orderBy('t.campusKey')
		.orderBy('t.id')
		.limit(opts.limit)
		.offset(opts.offset)
		.execute();
	// MySQL returns SUM as a string.
	return rows.map((r) => ({ id: r.id, name: r.name, schoolName: r.schoolName, enrolled: Number(r.enrolled), unplanned: Number(r.unplanned ?? 0) }));
}

/**
 * The enrolled classes of these campuses that want a workshop and are in no
 * scheduled slot: the one place that says which classes are still to plan (the
 * proposals start from it).
 */
export const listUnplannedClasses = (db: Db, editionId: number, campusIds: number[]) =>
	campusIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('classes')
				.select(['classes.id', 'classes.campusId', 'classes.name', 'classes.grade', 'classes.pupilCount', 'classes.language'])
				.where('classes.editionId', '=', editionId)
				.where('classes.campusId', 'in', campusIds)
				.where('classes.status', '=', 'enrolled')
				.where('classes.participation', '=', 'workshop')
				.where((eb) => withoutSlot(eb))
				.orderBy('classes.nameKey')
				.orderBy('classes.id')
				.execute();

/**
 * Pupils already on the slot, for a query on `workshopSlots` (aliased, so it
 * also fits a query that joins `classes` itself, as the proposals do).
 */
export const pupilsOnSlot = (eb: ExpressionBuilder<Database, 'workshopSlots'>) =>
	eb.fn.coalesce(
		eb
			.selectFrom('slotClasses as taken')
			.innerJoin('classes as placed', 'placed.id', 'taken.classId')
			.select((sub) => sub.fn.sum<number>('placed.pupilCount').as('p'))
			.whereRef('taken.slotId', '=', 'workshopSlots.id'),
		eb.lit(0)
	);

/**
 * Scheduled slots still to come at these campuses with room for pupils: below
 * their maximum, or without a maximum and without classes yet.
 */
export function listSlotsWithRoom(db: Db, editionId: number, campusIds: number[], now: DbTime) {
	if (campusIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('workshopSlots')
		.select((eb) => [
			'workshopSlots.id',
			'workshopSlots.campusId',
			'workshopSlots.localDate',
			'workshopSlots.startsAt',
			'workshopSlots.endsAt',
			'workshopSlots.maxPupils',
			pupilsOnSlot(eb).as('pupils')
		])
		.where('workshopSlots.editionId', '=', editionId)
		.where('workshopSlots.campusId', 'in', campusIds)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', now)
		.where((eb) =>
			eb.or([
				eb.and([
					eb('workshopSlots.maxPupils', 'is', null),
					eb.not(eb.exists(eb.selectFrom('slotClasses').select('slotClasses.slotId').whereRef('slotClasses.slotId', '=', 'workshopSlots.id')))
				]),
				eb('workshopSlots.maxPupils', '>', pupilsOnSlot(eb))
			])
		)
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.execute();
}
