import type { Db } from '../../db/index';

/**
 * What a teacher may see of their classes' workshops: when, where, and who gives
 * it. Three queries for any number of classes (the teacher's class table).
 * The callers have checked that the classes are the teacher's.
 */

/** The slots these classes are in, cancelled ones included. */
export const listSlotsOfClasses = (db: Db, classIds: number[]) =>
	classIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotClasses')
				.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
				.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
				.select([
					'slotClasses.classId',
					'workshopSlots.id as slotId',
					'workshopSlots.localDate',
					'workshopSlots.startsAt',
					'workshopSlots.endsAt',
					'workshopSlots.room',
					'workshopSlots.status',
					'workshopSlots.trainersNeeded',
					'campuses.name as campusName'
				])
				.where('slotClasses.classId', 'in', classIds)
				.orderBy('workshopSlots.startsAt')
				.orderBy('workshopSlots.id')
				.execute();

/**
 * The audit entries that tell when a class was put in a slot (setSlotClasses) and
 * when a slot's settings were edited (updateSlot), oldest first. Both are written
 * in the same transaction as the change itself.
 */
export const listSlotChanges = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('auditLog')
				.select(['auditLog.id', 'auditLog.entityId', 'auditLog.action', 'auditLog.beforeJson', 'auditLog.afterJson', 'auditLog.createdAt'])
				.where('auditLog.entityType', '=', 'workshop_slot')
				.where('auditLog.entityId', 'in', slotIds.map(String))
				.where('auditLog.action', 'in', ['workshop.slot_classes_set', 'workshop.slot_updated'])
				.orderBy('auditLog.id')
				.execute();
