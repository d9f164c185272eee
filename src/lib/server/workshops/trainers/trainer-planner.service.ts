import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { clock, nowDb } from '../../db/time';
import { ForbiddenError } from '../../errors';
import { findOrganisationName } from '../../users/user-list.repository';
import { cancellationDeadline } from './booking.service';
import { findTrainer } from '../slots/slot.repository';
import { listOpenSlots, type OpenCursor } from './trainer-open.repository';
import { countOrganisationBookings, listOrganisationBookings, listOrganisationTrainers } from './trainer-planner.repository';
import { cursorOf, openPageSize, requireTrainer, trainerNamesOf, withClasses, type TrainerUser } from './trainer-views.service';

/** The organisation the user plans for, or null when they are no planner. */
export async function plannerOrganisation(db: Kysely<Database>, user: TrainerUser): Promise<number | null> {
	if (!user.roles.includes('trainer')) return null;
	const me = await findTrainer(db, user.id);
	return me && me.planner === 1 && !me.disabled && me.organisationId !== null ? me.organisationId : null;
}

/**
 * An organisation's planner: slots offered to it (or to all) that still need
 * trainers, the organisation's trainers to put on them, and the organisation's
 * upcoming bookings (paged) with whether the planner may still take one off.
 */
export async function plannerPage(db: Kysely<Database>, user: TrainerUser, after: OpenCursor | null, paging: { page: number; limit: number; offset: number }) {
	requireTrainer(user);
	const organisationId = await plannerOrganisation(db, user);
	if (organisationId === null) throw new ForbiddenError();
	const now = nowDb();
	const [rows, trainers, bookings, total, organisationName] = await Promise.all([
		listOpenSlots(db, { organisationId, now }, {}, after, openPageSize),
		listOrganisationTrainers(db, organisationId),
		listOrganisationBookings(db, organisationId, now, paging),
		countOrganisationBookings(db, organisationId, now),
		findOrganisationName(db, organisationId)
	]);
	const page = rows.slice(0, openPageSize);
	const namesOf = await trainerNamesOf(
		db,
		page.map((r) => r.id)
	);
	const booked = await withClasses(db, bookings);
	return {
		organisationName: organisationName ?? '',
		trainers,
		open: (await withClasses(db, page)).map(({ view }) => ({ ...view, trainers: namesOf(view.id) })),
		next: rows.length > openPageSize ? cursorOf(page.at(-1)!) : null,
		bookings: booked.map(({ row, view }) => {
			const deadline = cancellationDeadline(row, row);
			return { ...view, trainerId: row.trainerId, trainerName: row.trainerName, deadline, canUnassign: clock.now() < deadline };
		}),
		page: paging.page,
		pages: Math.max(1, Math.ceil(total / paging.limit))
	};
}
