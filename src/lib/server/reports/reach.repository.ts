import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';

/**
 * "Pupils reached" and "classes reached": the ONE definition, used by the campus
 * page, the campus certificate, the council report (its table, CSV and XLSX), the
 * dashboard, the edition hub and the enrolment overview, so they never disagree.
 *
 *   classes reached = the enrolled classes of the edition at the campus
 *                     (not waiting, not withdrawn; materials-only classes count:
 *                     they took part with the materials, issue 17.5)
 *   pupils reached  = the sum of those classes' pupil_count
 *
 * The pupils trainers counted in the room (workshop_slots.pupils_present) are a
 * different figure, always named "pupils present at a workshop" (the report's
 * crep_f_pupils_present); the campus certificate used to call that sum "pupils
 * reached" and so said 46 where the campus page said 47 (issue 18.6).
 */
type ClassesEb = ExpressionBuilder<Database, 'classes'>;

/** The classes that count as reached: a predicate over `classes`. */
export const isReached = (eb: ClassesEb) => eb('classes.status', '=', 'enrolled');

/** Aggregate: classes reached among the grouped `classes` rows. */
export const classesReachedSum = (eb: ClassesEb) => eb.fn.sum<number>(eb.case().when(isReached(eb)).then(1).else(0).end());

/** Aggregate: pupils reached among the grouped `classes` rows. */
export const pupilsReachedSum = (eb: ClassesEb) => eb.fn.sum<number>(eb.case().when(isReached(eb)).then(eb.ref('classes.pupilCount')).else(0).end());

/** Aggregate: distinct campuses with a class reached. */
export const campusesReachedCount = (eb: ClassesEb) =>
	eb.fn.count<number>(sql`distinct ${eb.case().when(isReached(eb)).then(eb.ref('classes.campusId')).end()}`);

/** Classes and pupils reached at one campus in one edition (zero when none), in one query. */
export async function reachOfCampus(db: Db, editionId: number, campusId: number): Promise<{ classes: number; pupils: number }> {
	const row = await db
		.selectFrom('classes')
		.select((eb) => [classesReachedSum(eb).as('classes'), pupilsReachedSum(eb).as('pupils')])
		.where('classes.editionId', '=', editionId)
		.where('classes.campusId', '=', campusId)
		.where(isReached)
		.executeTakeFirst();
	// MySQL returns SUM as a string, and NULL when no row matched.
	return { classes: Number(row?.classes ?? 0), pupils: Number(row?.pupils ?? 0) };
}
