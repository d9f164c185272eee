import type { Db } from '../db';

/**
 * The queries behind "download my data". Each selects named columns only, so a
 * secret column (password hash, token hash, session id, a mail's one-time link)
 * or another person's name can never slip in through a `selectAll`.
 */

export const profileOf = (db: Db, userId: number) =>
	db
		.selectFrom('users')
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.select([
			'users.id',
			'users.email',
			'users.displayName',
			'users.locale',
			'users.disabled',
			'users.planner',
			'users.mailReminders',
			'users.mailFollowUps',
			'users.emailConfirmedAt',
			'users.lastLoginAt',
			'users.createdAt',
			'users.updatedAt',
			'organisations.name as organisation'
		])
		.where('users.id', '=', userId)
		.executeTakeFirst();

export const rolesOf = (db: Db, userId: number) =>
	db.selectFrom('userRoles').select(['role', 'createdAt']).where('userId', '=', userId).orderBy('role').execute();

export const sessionsOf = (db: Db, userId: number) =>
	db.selectFrom('sessions').select(['deviceLabel', 'createdAt', 'lastSeenAt', 'expiresAt']).where('userId', '=', userId).orderBy('createdAt').execute();

/** The campuses the teacher works at: the campus's public address, not its contact person or code. */
export const campusesOf = (db: Db, userId: number) =>
	db
		.selectFrom('teacherCampuses')
		.innerJoin('campuses', 'campuses.id', 'teacherCampuses.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'campuses.id',
			'schools.name as school',
			'campuses.name',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'teacherCampuses.createdAt as linkedAt'
		])
		.where('teacherCampuses.userId', '=', userId)
		.orderBy('campuses.id')
		.execute();

/** Classes the person enrolled (not a colleague's), as counts: no pupil is ever stored by name. */
export const classesEnrolledBy = (db: Db, userId: number) =>
	db
		.selectFrom('classes')
		.innerJoin('editions', 'editions.id', 'classes.editionId')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.select([
			'classes.id',
			'editions.name as edition',
			'campuses.name as campus',
			'classes.name',
			'classes.grade',
			'classes.level',
			'classes.pupilCount',
			'classes.language',
			'classes.status',
			'classes.remarks',
			'classes.createdAt',
			'classes.withdrawnAt'
		])
		.where('classes.enrolledBy', '=', userId)
		.orderBy('classes.id')
		.execute();

/** Kit orders the person placed; who approved or received them is left out (other people). */
export const kitOrdersPlacedBy = (db: Db, userId: number) =>
	db
		.selectFrom('kitOrders')
		.innerJoin('editions', 'editions.id', 'kitOrders.editionId')
		.innerJoin('campuses', 'campuses.id', 'kitOrders.campusId')
		.select([
			'kitOrders.id',
			'editions.name as edition',
			'campuses.name as campus',
			'kitOrders.status',
			'kitOrders.delivery',
			'kitOrders.remarks',
			'kitOrders.createdAt',
			'kitOrders.handedOverOn'
		])
		.where('kitOrders.createdBy', '=', userId)
		.orderBy('kitOrders.id')
		.execute();

export const kitOrderLinesOf = (db: Db, orderIds: number[]) =>
	orderIds.length
		? db
				.selectFrom('kitOrderLines')
				.innerJoin('kitItems', 'kitItems.id', 'kitOrderLines.itemId')
				.select(['kitOrderLines.orderId', 'kitItems.nameNl', 'kitItems.nameEn', 'kitOrderLines.quantity'])
				.where('kitOrderLines.orderId', 'in', orderIds)
				.orderBy('kitOrderLines.orderId')
				.orderBy('kitItems.sortOrder')
				.execute()
		: Promise.resolve([]);

/** Workshops of the classes the person enrolled; the trainers' names are theirs, not the teacher's data. */
export const workshopsOfClassesBy = (db: Db, userId: number) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('workshopSlots as s', 's.id', 'slotClasses.slotId')
		.innerJoin('campuses', 'campuses.id', 's.campusId')
		.select(['s.id', 'classes.name as className', 'campuses.name as campus', 's.startsAt', 's.endsAt', 's.status', 's.outcome'])
		.where('classes.enrolledBy', '=', userId)
		.orderBy('s.startsAt')
		.execute();

/** Workshops the person booked or was assigned to as a trainer, with their own report. */
export const workshopsGivenBy = (db: Db, userId: number) =>
	db
		.selectFrom('slotTrainers as st')
		.innerJoin('workshopSlots as s', 's.id', 'st.slotId')
		.innerJoin('campuses', 'campuses.id', 's.campusId')
		.innerJoin('editions', 'editions.id', 's.editionId')
		.select([
			's.id',
			'editions.name as edition',
			'campuses.name as campus',
			's.startsAt',
			's.endsAt',
			's.status',
			's.outcome',
			's.pupilsPresent',
			's.reportNote',
			'st.bookedAt',
			'st.cancelledAt',
			'st.cancelReason'
		])
		.where('st.trainerId', '=', userId)
		.orderBy('s.startsAt')
		.execute();

/** Mails sent (or to be sent) to the person: the text they read, never the one-time link behind a button. */
export const mailsTo = (db: Db, email: string) =>
	db
		.selectFrom('mailOutbox')
		.select(['createdAt', 'template', 'subject', 'bodyText', 'status', 'sentAt'])
		.where('recipient', '=', email)
		.orderBy('id')
		.execute();

/** Audit entries written by the person or about their account. */
export const auditOfPerson = (db: Db, userId: number) =>
	db
		.selectFrom('auditLog')
		.select(['id', 'createdAt', 'action', 'entityType', 'entityId', 'beforeJson', 'afterJson'])
		.where((eb) => eb.or([eb('actorUserId', '=', userId), eb.and([eb('entityType', '=', 'user'), eb('entityId', '=', String(userId))])]))
		.orderBy('id')
		.execute();

export const deletionRequestsOf = (db: Db, userId: number) =>
	db.selectFrom('deletionRequests').select(['requestedAt', 'status', 'reason', 'resolvedAt']).where('userId', '=', userId).orderBy('id').execute();
