import type { Db } from '../db';

/** A given workshop that counts for a certificate: reported given, not cancelled. */
const givenSlots = (db: Db) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.where('workshopSlots.outcome', '=', 'given')
		.where('workshopSlots.status', '=', 'scheduled');

/** Per campus, the editions in which it had a given workshop, newest first: one query for all campuses. */
export const listCampusGivenEditions = (db: Db, campusIds: number[]) =>
	givenSlots(db)
		.select(['workshopSlots.campusId', 'editions.id as editionId', 'editions.name as editionName', 'editions.year'])
		.distinct()
		.where('workshopSlots.campusId', 'in', campusIds)
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.execute();

/** The editions in which the trainer gave a workshop, newest first. */
export const listTrainerGivenEditions = (db: Db, trainerId: number) =>
	givenSlots(db)
		.innerJoin('slotTrainers', (j) => j.onRef('slotTrainers.slotId', '=', 'workshopSlots.id').on('slotTrainers.active', '=', 1))
		.select(['editions.id as editionId', 'editions.name as editionName', 'editions.year'])
		.distinct()
		.where('slotTrainers.trainerId', '=', trainerId)
		.orderBy('editions.year', 'desc')
		.orderBy('editions.id', 'desc')
		.execute();
