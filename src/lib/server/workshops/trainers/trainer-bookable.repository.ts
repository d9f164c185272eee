import { sql, type ExpressionBuilder, type QueryCreator } from 'kysely';
import type { Db } from '../../db/index';
import { isMysql } from '../../db/dialect-of';
import type { Database } from '../../db/schema';
import { plusDays, plusMinutes } from '../../db/sql-time';
import type { DbTime } from '../../db/time';

/**
 * Whether a trainer can book an open slot, in SQL for a whole list at once: the
 * rules of slot-rules.ts `trainerConflict` over the trainer's active bookings on
 * scheduled slots. Like the booking service, a slot is compared with the
 * bookings from the day before to the day after it; between different campuses
 * the travel buffer of the slot's edition lies on either side, at the same
 * campus back to back is fine; and the trainer's workshops on the slot's
 * Brussels day must stay under the edition's daily maximum. The service stays
 * the authority: it checks the same rules again under its locks, so a list read
 * just before another booking is never trusted.
 *
 * The trainer's bookings are read once per query into `mine` (a few dozen rows),
 * not once per listed slot: on SQLite a MATERIALIZED common table expression,
 * on MariaDB/MySQL a DISTINCT one (a plain one would be merged into the
 * per-slot subquery). `reachFrom`/`reachTo` widen each booking by the largest
 * travel buffer of any edition, a cheap first test that lets the exact rule run
 * only for the few bookings near a listed slot.
 */
export interface MineTables {
	mine: { id: number; campusId: number; localDate: string; startsAt: DbTime; endsAt: DbTime; reachFrom: DbTime; reachTo: DbTime };
	mineDays: { localDate: string; n: number };
}

/**
 * A query creator that knows `mine` (the trainer's bookings on scheduled slots
 * from `fromDay` on) and `mineDays` (how many per Brussels day). Unused, they
 * cost nothing: neither database evaluates a common table expression that the
 * query does not read.
 */
export function withMyBookings(db: Db, trainerId: number, fromDay: string) {
	const mine = (qc: QueryCreator<Database>) =>
		qc
			.selectFrom('slotTrainers as mt')
			.innerJoin('workshopSlots as w', 'w.id', 'mt.slotId')
			// The largest buffer as a joined one-row table: a plain column inside INTERVAL suits every MySQL, a subquery there may not.
			.innerJoin(
				(eb) =>
					eb
						.selectFrom('editions')
						.select((e) => e.fn.max('editions.travelBufferMinutes').as('m'))
						.as('widest'),
				(j) => j.onTrue()
			)
			.select((eb) => [
				'w.id',
				'w.campusId',
				'w.localDate',
				'w.startsAt',
				'w.endsAt',
				plusMinutes(db, eb.ref('w.startsAt'), sql<number>`-${eb.ref('widest.m')}`).as('reachFrom'),
				plusMinutes(db, eb.ref('w.endsAt'), eb.ref('widest.m')).as('reachTo')
			])
			.distinct()
			.where('mt.trainerId', '=', trainerId)
			.where('mt.active', '=', 1)
			.where('w.status', '=', 'scheduled')
			.where('w.localDate', '>=', fromDay);
	const named = isMysql(db) ? db.with('mine', mine) : db.with((cte) => cte('mine').materialized(), mine);
	return named.with('mineDays', (qc) =>
		qc
			.selectFrom('mine')
			.select(['mine.localDate', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('mine.localDate')
	);
}

type OpenEb = ExpressionBuilder<Database & MineTables, 'workshopSlots' | 'campuses' | 'schools' | 'editions'>;

/**
 * The trainer's workshops that the listed slot collides with. The listed slot is
 * never one of them (the trainer's list leaves out what they already give).
 */
export function clashingBookings(db: Db, eb: OpenEb) {
	const buffer = eb.ref('editions.travelBufferMinutes');
	return eb
		.selectFrom('mine')
		.whereRef('mine.reachTo', '>', 'workshopSlots.startsAt')
		.whereRef('mine.reachFrom', '<', 'workshopSlots.endsAt')
		.where('mine.localDate', '>=', plusDays(db, eb.ref('workshopSlots.localDate'), -1))
		.where('mine.localDate', '<=', plusDays(db, eb.ref('workshopSlots.localDate'), 1))
		.where((w) =>
			w.or([
				w.and([
					w('mine.campusId', '=', w.ref('workshopSlots.campusId')),
					w('mine.startsAt', '<', w.ref('workshopSlots.endsAt')),
					w('mine.endsAt', '>', w.ref('workshopSlots.startsAt'))
				]),
				w.and([
					w('mine.campusId', '<>', w.ref('workshopSlots.campusId')),
					w('mine.startsAt', '<', plusMinutes(db, w.ref('workshopSlots.endsAt'), buffer)),
					w('mine.endsAt', '>', plusMinutes(db, w.ref('workshopSlots.startsAt'), sql<number>`-${buffer}`))
				])
			])
		);
}

/** The first of them (by start, then id): the one the list names. */
export const firstClash = (db: Db, eb: OpenEb) => clashingBookings(db, eb).select('mine.id').orderBy('mine.startsAt').orderBy('mine.id').limit(1);

/** Where and when the clashing workshops are, for the reasons the list gives. */
export const listClashPlaces = (db: Db, slotIds: number[]) =>
	slotIds.length === 0
		? Promise.resolve([])
		: db
				.selectFrom('workshopSlots')
				.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
				.select([
					'workshopSlots.id',
					'workshopSlots.campusId',
					'workshopSlots.startsAt',
					'workshopSlots.endsAt',
					'campuses.city',
					'campuses.name as campusName'
				])
				.where('workshopSlots.id', 'in', slotIds)
				.execute();
