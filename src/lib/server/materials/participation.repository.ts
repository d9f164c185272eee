import type { Db } from '../db';
import type { Level } from '../db/schema';

/**
 * The campuses of a teacher that take part in an edition (at least one class enrolled
 * or waiting), with the levels of those classes: what decides which materials they see.
 */
export const listParticipatingLevelsOfTeacher = (db: Db, userId: number, editionId: number) =>
	db
		.selectFrom('teacherCampuses as tc')
		.innerJoin('classes as k', 'k.campusId', 'tc.campusId')
		.innerJoin('campuses as c', 'c.id', 'tc.campusId')
		.select(['tc.campusId', 'k.level'])
		.distinct()
		.where('tc.userId', '=', userId)
		.where('k.editionId', '=', editionId)
		.where('k.status', 'in', ['enrolled', 'waiting'])
		.where('c.active', '=', 1)
		.orderBy('tc.campusId')
		.orderBy('k.level')
		.execute() as Promise<{ campusId: number; level: Level }[]>;
