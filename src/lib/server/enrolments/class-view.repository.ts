import type { Db } from '../db';

/** Classes with the names a page shows next to them. */
const classDetails = (db: Db) =>
	db
		.selectFrom('classes')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select([
			'classes.id',
			'classes.editionId',
			'classes.campusId',
			'classes.name',
			'classes.grade',
			'classes.level',
			'classes.pupilCount',
			'classes.language',
			'classes.remarks',
			'classes.status',
			'classes.participation',
			'classes.enrolledBy',
			'classes.createdAt',
			'classes.withdrawnAt',
			'campuses.name as campusName',
			'schools.id as schoolId',
			'schools.name as schoolName',
			'editions.name as editionName',
			'users.displayName as enrolledByName'
		]);

export const findClassDetails = (db: Db, classId: number) => classDetails(db).where('classes.id', '=', classId).executeTakeFirst();

/** A class with the teacher who enrolled it, its edition and campus: what a class mail names. */
export const findClassWithTeacher = (db: Db, classId: number) =>
	db
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'classes.name as className',
			'classes.participation',
			'users.email',
			'users.displayName',
			'users.locale',
			'editions.name as edition',
			'campuses.name as campus',
			'schools.name as school'
		])
		.where('classes.id', '=', classId)
		.executeTakeFirstOrThrow();

const currentClassesOfCampuses = (db: Db, campusIds: number[]) =>
	db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.where('classes.campusId', 'in', campusIds)
		.where('editions.status', '!=', 'archived');

/** How many classes of these campuses (editions not archived) the user enrolled, and how many colleagues did. */
export async function countClassesOfCampuses(db: Db, campusIds: number[], userId: number): Promise<{ mine: number; colleagues: number }> {
	if (!campusIds.length) return { mine: 0, colleagues: 0 };
	const row = await currentClassesOfCampuses(db, campusIds)
		.select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.sum<number>(eb.case().when('classes.enrolledBy', '=', userId).then(1).else(0).end()).as('mine')])
		.executeTakeFirstOrThrow();
	const mine = Number(row.mine ?? 0);
	return { mine, colleagues: Number(row.all) - mine };
}

/**
 * One page of the classes of these campuses in editions that are not archived,
 * the user's own or their colleagues', newest edition first, with only what the
 * teacher's start page shows (campus and school names come from the teacher's
 * campus list, not once per row).
 */
export const listClassesOfCampuses = (db: Db, campusIds: number[], whose: { userId: number; mine: boolean }, page: { limit: number; offset: number }) =>
	currentClassesOfCampuses(db, campusIds)
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select([
			'classes.id',
			'classes.editionId',
			'classes.campusId',
			'classes.name',
			'classes.grade',
			'classes.pupilCount',
			'classes.status',
			'classes.participation',
			'editions.name as editionName',
			'users.displayName as enrolledByName'
		])
		.where('classes.enrolledBy', whose.mine ? '=' : '!=', whose.userId)
		.orderBy('editions.year', 'desc')
		.orderBy('classes.status')
		.orderBy('classes.nameKey')
		.orderBy('classes.id')
		.limit(page.limit)
		.offset(page.offset)
		.execute();

/** Waiting-list positions of several classes in one query, derived from arrival order. */
export async function waitingPositions(db: Db, classIds: number[]): Promise<Map<number, number>> {
	if (!classIds.length) return new Map();
	const rows = await db
		.selectFrom('classes as c')
		.select((eb) => [
			'c.id',
			eb
				.selectFrom('classes as w')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('w.editionId', '=', 'c.editionId')
				.where('w.status', '=', 'waiting')
				.where((e) => e.or([e('w.queuedAt', '<', e.ref('c.queuedAt')), e.and([e('w.queuedAt', '=', e.ref('c.queuedAt')), e('w.id', '<=', e.ref('c.id'))])]))
				.as('position')
		])
		.where('c.id', 'in', classIds)
		.where('c.status', '=', 'waiting')
		.execute();
	return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/** These classes, if this teacher enrolled them and they are not withdrawn, in the order they were enrolled; with their edition's name. */
export const listOwnCurrentClasses = (db: Db, teacherId: number, classIds: number[]) =>
	db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select(['classes.id', 'classes.name', 'classes.status', 'classes.editionId', 'classes.campusId', 'editions.name as edition'])
		.where('classes.id', 'in', classIds)
		.where('classes.enrolledBy', '=', teacherId)
		.where('classes.status', 'in', ['enrolled', 'waiting'])
		.orderBy('classes.id')
		.execute();
