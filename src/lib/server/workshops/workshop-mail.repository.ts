import type { Db } from '../db';

/** The teachers who enrolled the slot's enrolled classes (or only some of them), one row per class. */
export const listTeachersOfSlot = (db: Db, slotId: number, onlyClassIds?: number[]) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select(['users.id', 'users.email', 'users.displayName', 'users.locale', 'classes.id as classId', 'classes.name as className'])
		.where('slotClasses.slotId', '=', slotId)
		.where('classes.status', '=', 'enrolled')
		.$if(!!onlyClassIds, (q) => q.where('classes.id', 'in', onlyClassIds!))
		.execute();

/** The teachers of some classes, one row per class; a withdrawn class counts only when asked for (its own withdrawal). */
export const listTeachersOfClasses = (db: Db, classIds: number[], opts: { withdrawnToo?: boolean } = {}) =>
	db
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select(['users.id', 'users.email', 'users.displayName', 'users.locale', 'classes.id as classId', 'classes.name as className'])
		.where('classes.id', 'in', classIds)
		.$if(!opts.withdrawnToo, (q) => q.where('classes.status', '=', 'enrolled'))
		.execute();

/** The slot's booked trainers, or the named ones whether still booked or not (one who just cancelled). */
export const listTrainersOfSlot = (db: Db, slotId: number, trainerIds?: number[]) =>
	db
		.selectFrom('slotTrainers')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.select(['users.id', 'users.email', 'users.displayName', 'users.locale', 'organisations.name as organisationName'])
		.where('slotTrainers.slotId', '=', slotId)
		.$if(!trainerIds, (q) => q.where('slotTrainers.active', '=', 1))
		.$if(!!trainerIds, (q) => q.where('users.id', 'in', trainerIds!))
		.execute();

/** Where a slot is (campus, school, address) and the name of its edition. */
export const findSlotPlace = (db: Db, campusId: number, editionId: number) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', (j) => j.on('editions.id', '=', editionId))
		.select(['campuses.name as campus', 'schools.name as school', 'campuses.street', 'campuses.postalCode', 'campuses.city', 'editions.name as edition'])
		.where('campuses.id', '=', campusId)
		.executeTakeFirstOrThrow();
