import type { Db } from '../db';

/**
 * Archived editions in which one of the teacher's campuses had a class (not
 * withdrawn), and those classes. Read through teacher_campuses, so a campus the
 * teacher left is no longer part of their history.
 */
const pastEditions = (db: Db, userId: number) =>
	db
		.selectFrom('editions')
		.where('editions.status', '=', 'archived')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('classes')
					.innerJoin('teacherCampuses', 'teacherCampuses.campusId', 'classes.campusId')
					.select('classes.id')
					.whereRef('classes.editionId', '=', 'editions.id')
					.where('teacherCampuses.userId', '=', userId)
					.where('classes.status', '!=', 'withdrawn')
			)
		);

export async function countPastEditions(db: Db, userId: number): Promise<number> {
	const row = await pastEditions(db, userId)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** One page of those editions, newest first. */
export const listPastEditions = (db: Db, userId: number, limit: number, offset: number) =>
	pastEditions(db, userId)
		.select(['editions.id', 'editions.name', 'editions.year'])
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();

/** The teacher's campuses' classes in these editions, with whether a valid or a revoked certificate exists. */
export const listPastClasses = (db: Db, userId: number, editionIds: number[]) =>
	db
		.selectFrom('classes')
		.innerJoin('teacherCampuses', 'teacherCampuses.campusId', 'classes.campusId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select((eb) => [
			'classes.id',
			'classes.editionId',
			'classes.name',
			'classes.grade',
			'classes.pupilCount',
			'classes.status',
			'campuses.name as campusName',
			'schools.name as schoolName',
			'users.displayName as enrolledByName',
			eb
				.exists(
					eb.selectFrom('certificates').select('certificates.id').whereRef('certificates.classId', '=', 'classes.id').where('certificates.active', '=', 1)
				)
				.as('hasValid'),
			eb
				.exists(
					eb.selectFrom('certificates').select('certificates.id').whereRef('certificates.classId', '=', 'classes.id').where('certificates.active', 'is', null)
				)
				.as('hasRevoked')
		])
		.where('teacherCampuses.userId', '=', userId)
		.where('classes.editionId', 'in', editionIds)
		.where('classes.status', '!=', 'withdrawn')
		.orderBy('schools.name')
		.orderBy('campuses.nameKey')
		.orderBy('classes.nameKey')
		.orderBy('classes.id')
		.execute();
