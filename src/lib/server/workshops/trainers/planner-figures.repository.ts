import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/index';
import type { Database } from '../../db/schema';

/**
 * An organisation's own workshops, for its planner's figures and export: the
 * slots on which one of its trainers is booked. Only that organisation's: the
 * condition is in every query, never left to the caller.
 */
const givenByOrganisation = (organisationId: number) => (eb: ExpressionBuilder<Database, 'workshopSlots'>) =>
	eb.exists(
		eb
			.selectFrom('slotTrainers')
			.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
			.select('slotTrainers.id')
			.whereRef('slotTrainers.slotId', '=', 'workshopSlots.id')
			.where('slotTrainers.active', '=', 1)
			.where('users.organisationId', '=', organisationId)
	);

/** The editions (not drafts) in which the organisation has workshops, newest first. */
export const listOrganisationEditions = (db: Db, organisationId: number) =>
	db
		.selectFrom('editions')
		.select(['editions.id', 'editions.name', 'editions.year'])
		.where('editions.status', '!=', 'draft')
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('workshopSlots')
					.select('workshopSlots.id')
					.whereRef('workshopSlots.editionId', '=', 'editions.id')
					.where(givenByOrganisation(organisationId))
			)
		)
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.execute();

/** The organisation's workshops of one edition in time order, without the trainers' report notes. */
export const listOrganisationWorkshops = (db: Db, organisationId: number, editionId: number) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'workshopSlots.id',
			'workshopSlots.localDate',
			'workshopSlots.startsAt',
			'workshopSlots.endsAt',
			'workshopSlots.status',
			'workshopSlots.outcome',
			'workshopSlots.pupilsPresent',
			'workshopSlots.durationMinutes',
			'workshopSlots.notGivenReason',
			'schools.name as school',
			'campuses.name as campus',
			'campuses.city'
		])
		.where('workshopSlots.editionId', '=', editionId)
		.where(givenByOrganisation(organisationId))
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.execute();

/** The classes of these slots with their pupils, by slot. */
export const listClassesOfSlots = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotClasses')
				.innerJoin('classes', 'classes.id', 'slotClasses.classId')
				.select(['slotClasses.slotId', 'classes.name', 'classes.pupilCount'])
				.where('slotClasses.slotId', 'in', slotIds)
				.orderBy('slotClasses.slotId')
				.orderBy('classes.nameKey')
				.execute();

/** The trainers booked on these slots (of any organisation: they give the workshop together), by slot. */
export const listTrainersOfSlots = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('slotTrainers')
				.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
				.select(['slotTrainers.slotId', 'users.displayName'])
				.where('slotTrainers.slotId', 'in', slotIds)
				.where('slotTrainers.active', '=', 1)
				.orderBy('slotTrainers.slotId')
				.orderBy('users.displayName')
				.execute();

/**
 * Each trainer of the organisation with their workshops in the edition: booked
 * on a slot that is not cancelled, and of those the ones reported given. Trainers
 * without a workshop are listed with 0: a planner sees who is still free.
 */
export const countWorkshopsPerTrainer = (db: Db, organisationId: number, editionId: number) =>
	db
		.selectFrom('users')
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'trainer'))
		.leftJoin('slotTrainers', (j) => j.onRef('slotTrainers.trainerId', '=', 'users.id').on('slotTrainers.active', '=', 1))
		.leftJoin('workshopSlots', (j) =>
			j.onRef('workshopSlots.id', '=', 'slotTrainers.slotId').on('workshopSlots.editionId', '=', editionId).on('workshopSlots.status', '=', 'scheduled')
		)
		.select((eb) => [
			'users.id',
			'users.displayName',
			eb.fn.count<number>('workshopSlots.id').as('workshops'),
			eb.fn.sum<number>(eb.case().when('workshopSlots.outcome', '=', 'given').then(1).else(0).end()).as('given')
		])
		.where('users.organisationId', '=', organisationId)
		.where('users.disabled', '=', 0)
		.groupBy(['users.id', 'users.displayName'])
		.orderBy('users.displayName')
		.orderBy('users.id')
		.execute();
