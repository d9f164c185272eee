import type { Db } from '../../db/index';
import type { DbTime } from '../../db/time';
import { slotSummaryColumns } from './slot.repository';

/**
 * Read side of the coordinator's workshop list and week view. Every filter is
 * a condition on workshop_slots itself, so counting and paging walk the
 * (edition_id, local_date, starts_at) index; classes and trainers of the rows
 * shown are read afterwards, one query each for the whole page.
 */
export interface SlotFilter {
	editionId: number;
	campusId?: number;
	/** Local days, both included. */
	from?: string;
	to?: string;
	/** Scheduled, not yet started, fewer trainers booked than needed. */
	needsTrainers?: boolean;
	/** Scheduled, over, and nobody said whether it was given. */
	unreported?: boolean;
	now: DbTime;
}

function filtered(db: Db, f: SlotFilter) {
	return db
		.selectFrom('workshopSlots')
		.where('workshopSlots.editionId', '=', f.editionId)
		.$if(f.campusId !== undefined, (q) => q.where('workshopSlots.campusId', '=', f.campusId!))
		.$if(!!f.from, (q) => q.where('workshopSlots.localDate', '>=', f.from!))
		.$if(!!f.to, (q) => q.where('workshopSlots.localDate', '<=', f.to!))
		.$if(!!f.needsTrainers, (q) =>
			q
				.where('workshopSlots.status', '=', 'scheduled')
				.whereRef('workshopSlots.trainersBooked', '<', 'workshopSlots.trainersNeeded')
				.where('workshopSlots.startsAt', '>', f.now)
		)
		.$if(!!f.unreported, (q) =>
			q.where('workshopSlots.status', '=', 'scheduled').where('workshopSlots.outcome', 'is', null).where('workshopSlots.endsAt', '<=', f.now)
		);
}

export async function countSlots(db: Db, f: SlotFilter): Promise<number> {
	const row = await filtered(db, f)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Slots in time order, with campus, school and the organisation they are offered
 * to. The page's ids come first, from workshop_slots alone along its (edition_id,
 * local_date, starts_at) index; only those rows are joined. Joined in one go,
 * MariaDB joined and sorted all 20,000 slots of an edition for every page (50 ms
 * instead of 1, npm run bench).
 */
export function listSlots(db: Db, f: SlotFilter, page: { limit: number; offset: number }) {
	const ids = filtered(db, f)
		.select('workshopSlots.id')
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.limit(page.limit)
		.offset(page.offset);
	return db
		.selectFrom(ids.as('page'))
		.innerJoin('workshopSlots', 'workshopSlots.id', 'page.id')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.leftJoin('organisations', 'organisations.id', 'workshopSlots.organisationId')
		.select([...slotSummaryColumns, 'workshopSlots.maxPupils', 'organisations.name as organisationName'])
		.orderBy('workshopSlots.localDate')
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.execute();
}

export type SlotListRow = Awaited<ReturnType<typeof listSlots>>[number];

/** The campuses that have slots in the edition: the choices of the campus filter. */
export const listCampusesWithSlots = (db: Db, editionId: number) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'schools.name as schoolName'])
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('workshopSlots')
					.select('workshopSlots.id')
					.whereRef('workshopSlots.campusId', '=', 'campuses.id')
					.where('workshopSlots.editionId', '=', editionId)
			)
		)
		.orderBy('schools.nameKey')
		.orderBy('campuses.nameKey')
		.orderBy('campuses.id')
		.execute();
