import type { Db } from '../../db/index';
import type { DbTime } from '../../db/time';
import { slotCardBase } from './trainer-slot-view.repository';

/** The active trainers of an organisation, by name: who a planner can assign. */
export const listOrganisationTrainers = (db: Db, organisationId: number) =>
	db
		.selectFrom('users')
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'trainer'))
		.select(['users.id', 'users.displayName'])
		.where('users.organisationId', '=', organisationId)
		.where('users.disabled', '=', 0)
		.orderBy('users.displayName')
		.orderBy('users.id')
		.execute();

/** Upcoming bookings of the organisation's trainers on scheduled slots: one row per booking. */
function bookedBase(db: Db, organisationId: number, now: DbTime) {
	return slotCardBase(db)
		.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.where('slotTrainers.active', '=', 1)
		.where('users.organisationId', '=', organisationId)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', now);
}

export const listOrganisationBookings = (db: Db, organisationId: number, now: DbTime, page: { limit: number; offset: number }) =>
	bookedBase(db, organisationId, now)
		.select(['slotTrainers.trainerId', 'users.displayName as trainerName'])
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.orderBy('users.id')
		.limit(page.limit)
		.offset(page.offset)
		.execute();

export async function countOrganisationBookings(db: Db, organisationId: number, now: DbTime): Promise<number> {
	const row = await bookedBase(db, organisationId, now)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
