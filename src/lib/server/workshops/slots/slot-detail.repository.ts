import type { Db } from '../../db/index';

/** Read side of a slot's page and of the slot forms' choices (coordinator). */

/** A slot with its campus (and address), school and the organisation it is offered to. */
export const findSlotDetail = (db: Db, slotId: number) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.leftJoin('organisations', 'organisations.id', 'workshopSlots.organisationId')
		.leftJoin('users as reporter', 'reporter.id', 'workshopSlots.reportedBy')
		.selectAll('workshopSlots')
		.select([
			'campuses.name as campusName',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'schools.name as schoolName',
			'organisations.name as organisationName',
			'reporter.displayName as reporterName'
		])
		.where('workshopSlots.id', '=', slotId)
		.executeTakeFirst();

/**
 * The classes a slot can serve: the enrolled classes of its campus in its
 * edition that want a workshop, plus those already in the slot (a class withdrawn later stays
 * visible there until it is taken off).
 */
export const listCampusClasses = (db: Db, slot: { id: number; editionId: number; campusId: number }) =>
	db
		.selectFrom('classes')
		.select((eb) => [
			'classes.id',
			'classes.name',
			'classes.grade',
			'classes.pupilCount',
			'classes.status',
			eb
				.exists(
					eb
						.selectFrom('slotClasses')
						.select('slotClasses.classId')
						.whereRef('slotClasses.classId', '=', 'classes.id')
						.where('slotClasses.slotId', '=', slot.id)
				)
				.as('inSlot')
		])
		.where('classes.editionId', '=', slot.editionId)
		.where('classes.campusId', '=', slot.campusId)
		.where((eb) =>
			eb.or([
				// Materials-only classes asked for no workshop: not offered (issue 17.5).
				eb.and([eb('classes.status', '=', 'enrolled'), eb('classes.participation', '=', 'workshop')]),
				eb('classes.id', 'in', eb.selectFrom('slotClasses').select('slotClasses.classId').where('slotClasses.slotId', '=', slot.id))
			])
		)
		.orderBy('classes.nameKey')
		.orderBy('classes.id')
		.execute();

/** The other scheduled slots these classes are in ("already in another slot"). */
export const listOtherSlotsOfClasses = (db: Db, classIds: number[], slotId: number) =>
	classIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotClasses')
				.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
				.select(['slotClasses.classId', 'workshopSlots.id', 'workshopSlots.localDate', 'workshopSlots.startsAt', 'workshopSlots.endsAt'])
				.where('slotClasses.classId', 'in', classIds)
				.where('slotClasses.slotId', '!=', slotId)
				.where('workshopSlots.status', '=', 'scheduled')
				.orderBy('workshopSlots.startsAt')
				.execute();

/**
 * Active trainers who may be put on a slot offered to `organisationId` (its
 * own trainers) or to every organisation (NULL: any trainer).
 */
export const listEligibleTrainers = (db: Db, organisationId: number | null) =>
	db
		.selectFrom('users')
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.select(['users.id', 'users.displayName', 'organisations.name as organisationName'])
		.where('users.disabled', '=', 0)
		.where((eb) =>
			eb.exists(eb.selectFrom('userRoles').select('userRoles.userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', 'trainer'))
		)
		.$if(organisationId !== null, (q) => q.where('users.organisationId', '=', organisationId!))
		.orderBy('users.displayName')
		.orderBy('users.id')
		.execute();

/** What happened to a slot, newest first, from the audit log. */
export const listSlotHistory = (db: Db, slotId: number, limit: number) =>
	db
		.selectFrom('auditLog')
		.leftJoin('users', 'users.id', 'auditLog.actorUserId')
		.select(['auditLog.id', 'auditLog.action', 'auditLog.beforeJson', 'auditLog.afterJson', 'auditLog.createdAt', 'users.displayName as actorName'])
		.where('auditLog.entityType', '=', 'workshop_slot')
		.where('auditLog.entityId', '=', String(slotId))
		.orderBy('auditLog.id', 'desc')
		.limit(limit)
		.execute();

export const listUserNames = (db: Db, ids: number[]) =>
	ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute();

/**
 * Active campuses for the slot forms, those with enrolled classes in the
 * edition (the ones taking part) marked, school by school.
 */
export const listCampusChoices = (db: Db, editionId: number) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select((eb) => [
			'campuses.id',
			'campuses.name',
			'schools.name as schoolName',
			eb
				.exists(
					eb
						.selectFrom('classes')
						.select('classes.id')
						.whereRef('classes.campusId', '=', 'campuses.id')
						.where('classes.editionId', '=', editionId)
						.where('classes.status', '=', 'enrolled')
				)
				.as('takingPart')
		])
		.where('campuses.active', '=', 1)
		.orderBy('schools.nameKey')
		.orderBy('campuses.nameKey')
		.orderBy('campuses.id')
		.execute();

export const listExpertOrganisations = (db: Db) =>
	db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'expert').orderBy('nameKey').execute();
