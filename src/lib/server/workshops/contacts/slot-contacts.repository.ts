import type { Db } from '../../db/index';

/**
 * Whom a booked trainer meets: the campus's contact person and the teacher who
 * enrolled each class. Only the service in slot-contacts.ts calls these, after it
 * checked that the reader is booked on the slot and the slot is recent enough.
 */
export const listCampusContactsOfSlots = (db: Db, slotIds: number[]) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.select(['workshopSlots.id as slotId', 'campuses.contactName', 'campuses.contactEmail', 'campuses.contactPhone'])
		.where('workshopSlots.id', 'in', slotIds)
		.execute();

/** The enrolling teacher of each enrolled class in the slots; anonymised accounts have no one to meet. */
export const listClassTeachersOfSlots = (db: Db, slotIds: number[]) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select(['slotClasses.slotId', 'users.id as teacherId', 'users.displayName', 'users.email', 'classes.name as className'])
		.where('slotClasses.slotId', 'in', slotIds)
		.where('classes.status', '=', 'enrolled')
		.where('users.anonymisedAt', 'is', null)
		.orderBy('classes.grade')
		.orderBy('classes.nameKey')
		.orderBy('classes.id')
		.execute();

/** Whether the trainer has an active booking on the slot now. */
export async function isBookedOn(db: Db, trainerId: number, slotId: number): Promise<boolean> {
	const row = await db
		.selectFrom('slotTrainers')
		.select('id')
		.where('slotId', '=', slotId)
		.where('trainerId', '=', trainerId)
		.where('active', '=', 1)
		.executeTakeFirst();
	return !!row;
}
