import type { Db } from '../../db/index';
import type { DbTime } from '../../db/time';
import { slotCardBase } from './trainer-slot-view.repository';

/**
 * The slots a trainer is or was booked on. A booking that was taken off stays
 * in the list (marked), as does a slot that was cancelled: `booked` says whether
 * the trainer is on it now, `endedBy` who ended their latest booking. "id in
 * (the trainer's bookings)" rather than "exists a booking": SQLite then starts
 * from the trainer's few bookings instead of testing every slot (40 ms at
 * 20,000 slots, npm run bench).
 */
function mineBase(db: Db, trainerId: number) {
	return slotCardBase(db)
		.where('workshopSlots.id', 'in', (eb) => eb.selectFrom('slotTrainers').select('slotTrainers.slotId').where('slotTrainers.trainerId', '=', trainerId))
		.select((eb) => [
			eb
				.exists(
					eb
						.selectFrom('slotTrainers as mine')
						.select('mine.id')
						.whereRef('mine.slotId', '=', 'workshopSlots.id')
						.where('mine.trainerId', '=', trainerId)
						.where('mine.active', '=', 1)
				)
				.as('booked'),
			eb
				.selectFrom('slotTrainers as gone')
				.select('gone.cancelledBy')
				.whereRef('gone.slotId', '=', 'workshopSlots.id')
				.where('gone.trainerId', '=', trainerId)
				.where('gone.active', 'is', null)
				.orderBy('gone.cancelledAt', 'desc')
				.limit(1)
				.as('endedBy')
		]);
}

export type MineRow = Awaited<ReturnType<ReturnType<typeof mineBase>['executeTakeFirstOrThrow']>>;

/** Not yet over, soonest first. */
export const listMyUpcoming = (db: Db, trainerId: number, now: DbTime, limit = 200) =>
	mineBase(db, trainerId).where('workshopSlots.endsAt', '>', now).orderBy('workshopSlots.startsAt').orderBy('workshopSlots.id').limit(limit).execute();

/** Over, latest first, one page at a time. */
export const listMyPast = (db: Db, trainerId: number, now: DbTime, page: { limit: number; offset: number }) =>
	mineBase(db, trainerId)
		.where('workshopSlots.endsAt', '<=', now)
		.orderBy('workshopSlots.startsAt', 'desc')
		.orderBy('workshopSlots.id', 'desc')
		.limit(page.limit)
		.offset(page.offset)
		.execute();

export async function countMyPast(db: Db, trainerId: number, now: DbTime): Promise<number> {
	const row = await mineBase(db, trainerId)
		.where('workshopSlots.endsAt', '<=', now)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Between two Brussels days (inclusive): a week view. */
export const listMyBetween = (db: Db, trainerId: number, from: string, to: string) =>
	mineBase(db, trainerId)
		.where('workshopSlots.localDate', '>=', from)
		.where('workshopSlots.localDate', '<=', to)
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.execute();

/** Started, still scheduled, booked by the trainer and not reported yet. */
function toReportBase(db: Db, trainerId: number, now: DbTime) {
	return slotCardBase(db)
		.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
		.where('slotTrainers.trainerId', '=', trainerId)
		.where('slotTrainers.active', '=', 1)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '<=', now)
		.where('workshopSlots.outcome', 'is', null);
}

export const listMyToReport = (db: Db, trainerId: number, now: DbTime, limit = 100) =>
	toReportBase(db, trainerId, now).orderBy('workshopSlots.startsAt').orderBy('workshopSlots.id').limit(limit).execute();

export async function countMyToReport(db: Db, trainerId: number, now: DbTime): Promise<number> {
	const row = await toReportBase(db, trainerId, now)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The next scheduled workshops the trainer gives. */
export const listMyNext = (db: Db, trainerId: number, now: DbTime, limit: number) =>
	slotCardBase(db)
		.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
		.where('slotTrainers.trainerId', '=', trainerId)
		.where('slotTrainers.active', '=', 1)
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.endsAt', '>', now)
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.limit(limit)
		.execute();

/** Whether the trainer is, or ever was, booked on the slot. */
export async function trainerHistoryOnSlot(db: Db, trainerId: number, slotId: number) {
	const rows = await db
		.selectFrom('slotTrainers')
		.select(['active', 'cancelledAt', 'cancelledBy', 'cancelReason'])
		.where('slotId', '=', slotId)
		.where('trainerId', '=', trainerId)
		.orderBy('id', 'desc')
		.execute();
	return { booked: rows.some((r) => r.active === 1), ended: rows.find((r) => r.active === null) ?? null, any: rows.length > 0 };
}
