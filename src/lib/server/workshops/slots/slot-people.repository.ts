import type { Db } from '../../db/index';

/** Splits long id lists so that no IN (...) grows without bound (a feed or an export may hold thousands). */
async function inChunks<T>(ids: number[], fn: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
	return out;
}

/**
 * The classes of some slots (name, leerjaar, pupils), for a page of slots at once.
 * enrolledOnly leaves out classes withdrawn since they were put in the slot.
 */
export const listClassesOfSlots = (db: Db, slotIds: number[], opts: { enrolledOnly?: boolean } = {}) =>
	inChunks(slotIds, (chunk) =>
		db
			.selectFrom('slotClasses')
			.innerJoin('classes', 'classes.id', 'slotClasses.classId')
			.select(['slotClasses.slotId', 'classes.id', 'classes.name', 'classes.grade', 'classes.pupilCount', 'classes.status'])
			.where('slotClasses.slotId', 'in', chunk)
			.$if(!!opts.enrolledOnly, (q) => q.where('classes.status', '=', 'enrolled'))
			.orderBy('classes.grade')
			.orderBy('classes.nameKey')
			.orderBy('classes.id')
			.execute()
	);

/** The trainers booked on some slots now (active bookings), with their organisation, in booking order. */
export const listTrainersOfSlots = (db: Db, slotIds: number[]) =>
	inChunks(slotIds, (chunk) =>
		db
			.selectFrom('slotTrainers')
			.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
			.leftJoin('organisations', 'organisations.id', 'users.organisationId')
			.select(['slotTrainers.slotId', 'users.id', 'users.displayName', 'organisations.name as organisationName'])
			.where('slotTrainers.slotId', 'in', chunk)
			.where('slotTrainers.active', '=', 1)
			.orderBy('slotTrainers.bookedAt')
			.orderBy('slotTrainers.id')
			.execute()
	);
