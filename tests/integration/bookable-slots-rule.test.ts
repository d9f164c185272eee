import { beforeEach, expect, it } from 'vitest';
import { findEditionById } from '../../src/lib/server/campaigns/edition.repository';
import { nowDb } from '../../src/lib/server/db/time';
import { listTrainerSlotsAround } from '../../src/lib/server/workshops/slots/slot.repository';
import { trainerConflict, type TrainerConflict } from '../../src/lib/server/workshops/slots/slot-rules';
import { listOpenSlots } from '../../src/lib/server/workshops/trainers/trainer-open.repository';
import { createEdition } from './support/enrolment-fixtures';
import { createCampus } from './support/fixtures';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { insertRawBooking, insertRawSlot, setRules } from './support/bookable-fixtures';
import { planningWorld, trainer } from './support/trainer-view-fixtures';

/**
 * The open list decides in SQL what a trainer can book (trainer-bookable.repository.ts);
 * the booking service decides with `trainerConflict` on rows it reads under its locks.
 * Over a generated set of slots (three campuses, two editions with different travel
 * buffers and daily maxima, days around the change to summer time, late slots that
 * end after midnight, cancelled bookings and cancelled slots that must not count)
 * the two must give the same verdict for every open slot: the same first clash, or
 * the daily maximum, or bookable.
 */

/** A small deterministic generator, so that a failure can be replayed. */
function rng(seed: number) {
	let x = seed;
	const next = () => {
		x = (x * 1103515245 + 12345) % 2147483648;
		return x / 2147483648;
	};
	return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(list: T[]) => list[Math.floor(next() * list.length)] };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describeEachDatabase('bookable open slots: the SQL rule and trainerConflict', (dialect) => {
	const ctx = useDatabase(dialect);
	beforeEach(() => {
		freezeClock('2027-03-20T08:00:00Z');
	});

	it('give the same verdict for every slot of a generated set', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const other = await createEdition(db, { year: 2028 });
		await setRules(db, w.editionId, { travelBufferMinutes: 30, maxWorkshopsPerTrainerDay: 3 });
		await setRules(db, other, { travelBufferMinutes: 45, maxWorkshopsPerTrainerDay: 2 });
		const third = await createCampus(db, { name: 'Campus West' });
		const campuses = [w.north.campusId, w.south.campusId, third.id];
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const someoneElse = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		// Summer time starts on Sunday 28 March 2027; the trainer is busiest on the first days.
		const days = ['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30'];
		const bookingChance = [0.3, 0.25, 0.15, 0.08, 0];
		const r = rng(17);
		for (let i = 0; i < 140; i++) {
			const day = r.int(0, days.length - 1);
			// By day, in the evening (some ending after midnight), and just after midnight.
			const start = r.pick([r.int(7 * 12, 18 * 12), r.int(7 * 12, 18 * 12), r.int(18 * 12, 23 * 12 + 9), r.int(0, 18)]) * 5;
			const id = await insertRawSlot(db, w.coordinator.id, {
				editionId: r.next() < 0.7 ? w.editionId : other,
				campusId: r.pick(campuses),
				localDate: days[day],
				start: clock(start),
				end: clock(start + r.pick([25, 50, 50, 90, 120])),
				organisationId: r.next() < 0.1 ? w.cavaria : null,
				trainersNeeded: r.next() < 0.2 ? 2 : 1,
				status: r.next() < 0.05 ? 'cancelled' : 'scheduled'
			});
			const roll = r.next();
			if (roll < bookingChance[day]) await insertRawBooking(db, id, me.id, { cancelled: r.next() < 0.15 });
			else if (roll > 0.93) await insertRawBooking(db, id, someoneElse.id);
		}

		const rows = await listOpenSlots(db, { organisationId: w.welJong, now: nowDb(), trainer: { id: me.id, show: 'all' } }, {}, null, 1000);
		const rules = new Map(await Promise.all([w.editionId, other].map(async (id) => [id, (await findEditionById(db, id))!] as const)));
		const expected: Record<number, TrainerConflict> = {};
		const fromSql: Record<number, TrainerConflict> = {};
		for (const row of rows) {
			const booked = (await listTrainerSlotsAround(db, me.id, row.localDate)).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
			expected[row.id] = trainerConflict(row, booked, rules.get(row.editionId)!);
			const sameDay = Number(row.sameDay);
			fromSql[row.id] = row.clashId ? { kind: 'overlap', slotId: row.clashId } : sameDay >= row.maxPerDay! ? { kind: 'daily_max', max: row.maxPerDay! } : null;
		}
		expect(fromSql).toEqual(expected);

		// The generated set must exercise every verdict, or this test would prove little.
		const verdicts = Object.values(expected);
		expect(verdicts.filter((v) => v?.kind === 'overlap').length).toBeGreaterThan(5);
		expect(verdicts.filter((v) => v?.kind === 'daily_max').length).toBeGreaterThan(3);
		expect(verdicts.filter((v) => v === null).length).toBeGreaterThan(10);

		const bookable = await listOpenSlots(db, { organisationId: w.welJong, now: nowDb(), trainer: { id: me.id, show: 'bookable' } }, {}, null, 1000);
		expect(bookable.map((s) => s.id)).toEqual(rows.filter((s) => expected[s.id] === null).map((s) => s.id));
	});
});
