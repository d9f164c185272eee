import type { Db } from '../../db/index';

/**
 * Read-side queries for the calendar feeds: one query for the slots, one for their
 * classes, one for their trainers, whatever the number of slots.
 */

const slotWithPlace = (db: Db) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.select([
			'workshopSlots.id',
			'workshopSlots.editionId',
			'workshopSlots.startsAt',
			'workshopSlots.endsAt',
			'workshopSlots.room',
			'workshopSlots.language',
			'workshopSlots.trainersNeeded',
			'workshopSlots.trainerNote',
			'workshopSlots.status',
			'workshopSlots.sequence',
			'workshopSlots.updatedAt',
			'campuses.name as campusName',
			'campuses.street',
			'campuses.postalCode',
			'campuses.city',
			'schools.name as schoolName',
			'campaigns.name as campaignName'
		])
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id');

/**
 * Every slot the trainer has or had a booking row for, from `fromLocalDate` on;
 * `booked` says whether one of those rows is still active.
 */
export const listTrainerFeedSlots = (db: Db, trainerId: number, fromLocalDate: string) =>
	slotWithPlace(db)
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('slotTrainers as mine')
						.select('mine.slotId')
						.whereRef('mine.slotId', '=', 'workshopSlots.id')
						.where('mine.trainerId', '=', trainerId)
						.where('mine.active', '=', 1)
				)
				.as('booked')
		)
		.where('workshopSlots.id', 'in', (eb) => eb.selectFrom('slotTrainers').select('slotTrainers.slotId').where('slotTrainers.trainerId', '=', trainerId))
		.where('workshopSlots.localDate', '>=', fromLocalDate)
		.execute();

/** Every slot of an edition, cancelled ones included. */
export const listEditionFeedSlots = (db: Db, editionId: number) => slotWithPlace(db).where('workshopSlots.editionId', '=', editionId).execute();

/** One slot as the feeds show it, cancelled or not: for the invitation a workshop mail carries. */
export const findFeedSlot = (db: Db, slotId: number) => slotWithPlace(db).where('workshopSlots.id', '=', slotId).executeTakeFirst();

export type FeedSlotRow = Awaited<ReturnType<typeof listEditionFeedSlots>>[number];

export const findEditionName = (db: Db, editionId: number) => db.selectFrom('editions').select('name').where('id', '=', editionId).executeTakeFirst();
