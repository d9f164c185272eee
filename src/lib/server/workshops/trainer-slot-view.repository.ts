import type { Db } from '../db';

/**
 * Read-side queries shared by the trainer's pages: one slot row with where and
 * when it is, and the classes and trainers of a whole page of slots in one
 * query each (never one query per slot).
 */
export const slotCardBase = (db: Db) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.select([
			'workshopSlots.id',
			'workshopSlots.editionId',
			'workshopSlots.localDate',
			'workshopSlots.startsAt',
			'workshopSlots.endsAt',
			'workshopSlots.room',
			'workshopSlots.language',
			'workshopSlots.trainersNeeded',
			'workshopSlots.trainersBooked',
			'workshopSlots.organisationId',
			'workshopSlots.trainerNote',
			'workshopSlots.status',
			'workshopSlots.cancelReason',
			'workshopSlots.outcome',
			'workshopSlots.pupilsPresent',
			'workshopSlots.durationMinutes',
			'workshopSlots.reportNote',
			'workshopSlots.notGivenReason',
			'workshopSlots.reportedAt',
			'workshopSlots.campusId',
			'campuses.name as campusName',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'schools.name as schoolName',
			'editions.name as editionName',
			'editions.status as editionStatus',
			'editions.cancellationDeadlineDays'
		]);

export type SlotCardRow = Awaited<ReturnType<ReturnType<typeof slotCardBase>['executeTakeFirstOrThrow']>>;

/** The classes of these slots: name, leerjaar and pupils. */
export const listClassesOfSlots = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotClasses')
				.innerJoin('classes', 'classes.id', 'slotClasses.classId')
				.select(['slotClasses.slotId', 'classes.id', 'classes.name', 'classes.grade', 'classes.pupilCount'])
				.where('slotClasses.slotId', 'in', slotIds)
				.orderBy('classes.grade')
				.orderBy('classes.name')
				.execute();

/** Who is booked on these slots now (active bookings only), with their organisation. */
export const listTrainersOfSlots = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotTrainers')
				.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
				.leftJoin('organisations', 'organisations.id', 'users.organisationId')
				.select(['slotTrainers.slotId', 'users.id', 'users.displayName', 'organisations.name as organisationName'])
				.where('slotTrainers.slotId', 'in', slotIds)
				.where('slotTrainers.active', '=', 1)
				.orderBy('slotTrainers.bookedAt')
				.orderBy('slotTrainers.id')
				.execute();
