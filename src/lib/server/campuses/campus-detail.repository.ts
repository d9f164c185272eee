import { sql } from 'kysely';
import type { Db } from '../db';
import { pupilsReachedSum } from '../reports/reach.repository';

/** Teachers linked to a campus (through their invite code or a coordinator). */
export const listTeachersOfCampus = (db: Db, campusId: number) =>
	db
		.selectFrom('teacherCampuses')
		.innerJoin('users', 'users.id', 'teacherCampuses.userId')
		.select(['users.id', 'users.displayName', 'users.email', 'users.disabled', 'teacherCampuses.createdAt as linkedAt'])
		.where('teacherCampuses.campusId', '=', campusId)
		.orderBy('users.displayName')
		.orderBy('users.id')
		.execute();

/**
 * The campus's classes in editions that are not archived, with each waiting
 * class's position on its edition's list (arrival order, as the waiting list derives it).
 */
export const listCurrentClassesOfCampus = (db: Db, campusId: number) =>
	db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select([
			'classes.id',
			'classes.name',
			'classes.grade',
			'classes.pupilCount',
			'classes.status',
			'editions.id as editionId',
			'editions.name as editionName',
			(eb) =>
				eb
					.selectFrom('classes as w')
					.select(eb.fn.countAll<number>().as('n'))
					.whereRef('w.editionId', '=', 'classes.editionId')
					.where('w.status', '=', 'waiting')
					.where((w) =>
						w.or([
							w('w.queuedAt', '<', w.ref('classes.queuedAt')),
							w.and([w('w.queuedAt', '=', w.ref('classes.queuedAt')), w('w.id', '<=', w.ref('classes.id'))])
						])
					)
					.as('queueCount')
		])
		.where('classes.campusId', '=', campusId)
		.where('editions.status', '!=', 'archived')
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.orderBy('classes.nameKey')
		.orderBy('classes.id')
		.execute();

/** Per edition the campus took part in: classes by status and pupils reached (reach.repository's definition), summed in SQL. */
export async function campusHistory(db: Db, campusId: number) {
	const countIf = (status: string) => sql<number>`sum(case when ${sql.ref('classes.status')} = ${status} then 1 else 0 end)`;
	const rows = await db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.select([
			'editions.id',
			'editions.name',
			'editions.year',
			'editions.status',
			countIf('enrolled').as('enrolled'),
			countIf('waiting').as('waiting'),
			countIf('withdrawn').as('withdrawn'),
			(eb) => pupilsReachedSum(eb).as('pupils')
		])
		.where('classes.campusId', '=', campusId)
		.groupBy(['editions.id', 'editions.name', 'editions.year', 'editions.status'])
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.execute();
	// MySQL returns SUM as a string, SQLite as a number.
	return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled), waiting: Number(r.waiting), withdrawn: Number(r.withdrawn), pupils: Number(r.pupils) }));
}
