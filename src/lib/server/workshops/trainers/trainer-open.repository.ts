import type { Db } from '../../db/index';
import type { InstructionLanguage } from '../../db/schema';
import type { DbTime } from '../../db/time';
import { slotCardBase } from './trainer-slot-view.repository';

/**
 * Open slots: scheduled, not yet started, in a published edition, offered to the
 * organisation (or to all) and still short of trainers. `notBookedBy` leaves out
 * the slots a trainer already gives (the trainer's own list; a planner's list
 * keeps them).
 */
export interface OpenScope {
	organisationId: number | null;
	notBookedBy?: number;
	now: DbTime;
}

export interface OpenFilters {
	from?: string | null;
	to?: string | null;
	campusId?: number | null;
	language?: InstructionLanguage | null;
}

/** Where the previous page ended: the last slot's start and id (keyset paging). */
export interface OpenCursor {
	startsAt: DbTime;
	id: number;
}

function openBase(db: Db, scope: OpenScope, f: OpenFilters) {
	const orgId = scope.organisationId;
	const trainerId = scope.notBookedBy;
	return slotCardBase(db)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', scope.now)
		.where('editions.status', '=', 'published')
		.whereRef('workshopSlots.trainersBooked', '<', 'workshopSlots.trainersNeeded')
		.where((eb) =>
			orgId === null
				? eb('workshopSlots.organisationId', 'is', null)
				: eb.or([eb('workshopSlots.organisationId', 'is', null), eb('workshopSlots.organisationId', '=', orgId)])
		)
		.$if(trainerId !== undefined, (q) =>
			q.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('slotTrainers')
							.select('slotTrainers.id')
							.whereRef('slotTrainers.slotId', '=', 'workshopSlots.id')
							.where('slotTrainers.trainerId', '=', trainerId!)
							.where('slotTrainers.active', '=', 1)
					)
				)
			)
		)
		.$if(!!f.from, (q) => q.where('workshopSlots.localDate', '>=', f.from!))
		.$if(!!f.to, (q) => q.where('workshopSlots.localDate', '<=', f.to!))
		.$if(!!f.campusId, (q) => q.where('workshopSlots.campusId', '=', f.campusId!))
		.$if(!!f.language, (q) => q.where('workshopSlots.language', '=', f.language!));
}

/** One page of open slots in time order, plus one extra row that says whether more follow. */
export function listOpenSlots(db: Db, scope: OpenScope, f: OpenFilters, after: OpenCursor | null, limit: number) {
	return openBase(db, scope, f)
		.$if(after !== null, (q) =>
			q.where((eb) =>
				eb.or([
					eb('workshopSlots.startsAt', '>', after!.startsAt),
					eb.and([eb('workshopSlots.startsAt', '=', after!.startsAt), eb('workshopSlots.id', '>', after!.id)])
				])
			)
		)
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.limit(limit + 1)
		.execute();
}

export async function countOpenSlots(db: Db, scope: OpenScope, f: OpenFilters = {}): Promise<number> {
	const row = await openBase(db, scope, f)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The campuses that have open slots for this scope, for the filter's choices. */
export const listOpenCampuses = (db: Db, scope: OpenScope) =>
	openBase(db, scope, {})
		.clearSelect()
		.select(['campuses.id', 'campuses.name', 'campuses.city'])
		.distinct()
		.orderBy('campuses.name')
		.orderBy('campuses.id')
		.execute();
