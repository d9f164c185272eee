import { sql } from 'kysely';
import type { Db } from '../db';

export type BulkCursor = { campusId: number; classId: number } | null;

/**
 * The next chunk of an edition's (or one campus's) classes eligible for a class
 * certificate, ordered by campus then class (pages of a campus stay together).
 * Before the edition ended, only classes with a given workshop are eligible.
 */
export function listEligibleClassChunk(db: Db, scope: { editionId: number; campusId: number | null }, ended: boolean, after: BulkCursor, limit: number) {
	let q = db
		.selectFrom('classes')
		.select(['classes.id', 'classes.campusId'])
		.where('classes.editionId', '=', scope.editionId)
		.where('classes.status', '=', 'enrolled');
	if (scope.campusId !== null) q = q.where('classes.campusId', '=', scope.campusId);
	if (!ended)
		q = q.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('slotClasses')
					.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
					.select(sql`1`.as('one'))
					.whereRef('slotClasses.classId', '=', 'classes.id')
					.where('workshopSlots.outcome', '=', 'given')
					.where('workshopSlots.status', '=', 'scheduled')
			)
		);
	if (after)
		q = q.where((eb) =>
			eb.or([eb('classes.campusId', '>', after.campusId), eb.and([eb('classes.campusId', '=', after.campusId), eb('classes.id', '>', after.classId)])])
		);
	return q.orderBy('classes.campusId').orderBy('classes.id').limit(limit).execute();
}
