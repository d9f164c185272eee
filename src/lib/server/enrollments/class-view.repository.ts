import type { Db } from '../db';

/** Classes with the names a page shows next to them. */
export const classDetails = (db: Db) =>
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
			'classes.enrolledBy',
			'classes.createdAt',
			'classes.withdrawnAt',
			'campuses.name as campusName',
			'schools.id as schoolId',
			'schools.name as schoolName',
			'editions.name as editionName',
			'users.displayName as enrolledByName'
		]);

/**
 * The classes of these campuses in editions that are not archived, newest edition
 * first, with only what the teacher's start page shows (campus and school names
 * come from the teacher's campus list, not once per row).
 */
export const listClassesOfCampuses = (db: Db, campusIds: number[]) =>
	campusIds.length
		? db
				.selectFrom('classes')
				.innerJoin('editions', 'editions.id', 'classes.editionId')
				.innerJoin('users', 'users.id', 'classes.enrolledBy')
				.select([
					'classes.id',
					'classes.editionId',
					'classes.campusId',
					'classes.name',
					'classes.grade',
					'classes.pupilCount',
					'classes.status',
					'classes.enrolledBy',
					'editions.name as editionName',
					'users.displayName as enrolledByName'
				])
				.where('classes.campusId', 'in', campusIds)
				.where('editions.status', '!=', 'archived')
				.orderBy('editions.year', 'desc')
				.orderBy('classes.status')
				.orderBy('classes.nameKey')
				.orderBy('classes.id')
				.execute()
		: Promise.resolve([]);

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
