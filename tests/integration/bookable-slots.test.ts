import { beforeEach, expect, it } from 'vitest';
import * as m from '../../src/lib/paraglide/messages';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { bookSlot, cancelBooking } from '../../src/lib/server/workshops/trainers/booking.service';
import { listActiveTrainerIds } from '../../src/lib/server/workshops/slots/slot.repository';
import {
	openSlotsPage,
	parseCursor,
	parseOpenFilters,
	trainerHome,
	type OpenShow,
	type TrainerUser
} from '../../src/lib/server/workshops/trainers/trainer-views.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { insertRawSlot, setCity, setRules, type RawSlot } from './support/bookable-fixtures';
import { planningWorld, trainer } from './support/trainer-view-fixtures';

/**
 * Issue 17 point 4: the trainer's open-slot list offers only what the trainer
 * can book now (no overlap, the travel buffer between campuses, the daily
 * maximum, the organisation), decided in SQL for the whole page; show=all adds
 * the rest, each with its reason. The booking service stays the authority.
 * The rule's agreement with the service's own `trainerConflict` over a generated
 * set of slots is in bookable-slots-rule.test.ts.
 */
describeEachDatabase('bookable open slots', (dialect) => {
	const ctx = useDatabase(dialect);
	beforeEach(() => {
		freezeClock('2027-04-01T08:00:00Z');
	});

	async function world(db: Kysely<Database>) {
		const w = await planningWorld(db);
		await setCity(db, w.south.campusId, 'Heule');
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const slot = (s: Omit<RawSlot, 'editionId'>) => insertRawSlot(db, w.coordinator.id, { editionId: w.editionId, ...s });
		const north = (localDate: string, start: string, end: string, extra: Partial<RawSlot> = {}) =>
			slot({ campusId: w.north.campusId, localDate, start, end, ...extra });
		const south = (localDate: string, start: string, end: string, extra: Partial<RawSlot> = {}) =>
			slot({ campusId: w.south.campusId, localDate, start, end, ...extra });
		return { ...w, me, north, south };
	}

	const page = async (db: Kysely<Database>, me: TrainerUser, show: OpenShow = 'bookable', query = '') =>
		(await openSlotsPage(db, me, parseOpenFilters(new URLSearchParams(query)), null, show)).slots;
	const ids = async (db: Kysely<Database>, me: TrainerUser, show: OpenShow = 'bookable') => (await page(db, me, show)).map((s) => s.id);

	it('hides a slot that overlaps the trainer’s workshop at the same campus, and keeps back-to-back ones', async () => {
		const db = ctx.db;
		const w = await world(db);
		const mine = await w.north('2027-05-12', '10:20', '11:10');
		await bookSlot(db, w.me, mine);
		const before = await w.north('2027-05-12', '09:30', '10:20');
		const overlapping = await w.north('2027-05-12', '10:40', '11:30');
		const after = await w.north('2027-05-12', '11:10', '12:00');

		expect(await ids(db, w.me)).toEqual([before, after]);
		const all = await page(db, w.me, 'all');
		expect(all.map((s) => s.id)).toEqual([before, overlapping, after]);
		expect(all.map((s) => s.notBookable)).toEqual([null, { kind: 'overlap', time: '10:20', city: 'Kortrijk', campusName: 'Campus noord@school.be' }, null]);
	});

	it('between different campuses keeps the edition’s travel buffer on either side, and follows a change of it', async () => {
		const db = ctx.db;
		const w = await world(db);
		const mine = await w.south('2027-05-12', '10:20', '11:10');
		await bookSlot(db, w.me, mine);
		const tightBefore = await w.north('2027-05-12', '09:30', '10:00');
		const justBefore = await w.north('2027-05-12', '09:00', '09:50');
		const tightAfter = await w.north('2027-05-12', '11:30', '12:20');
		const justAfter = await w.north('2027-05-12', '11:40', '12:30');

		// 30 minutes (the default): 20 minutes to travel is too little, 30 is enough.
		expect(await ids(db, w.me)).toEqual([justBefore, justAfter]);
		const reasons = Object.fromEntries((await page(db, w.me, 'all')).map((s) => [s.id, s.notBookable]));
		const travel = { kind: 'travel', time: '10:20', city: 'Heule', campusName: 'Campus zuid@school.be', bufferMinutes: 30 };
		expect(reasons).toEqual({ [justBefore]: null, [tightBefore]: travel, [tightAfter]: travel, [justAfter]: null });

		await setRules(db, w.editionId, { travelBufferMinutes: 15 });
		expect(await ids(db, w.me)).toEqual([justBefore, tightBefore, tightAfter, justAfter]);
	});

	it('hides a slot that would be one workshop too many that day, and offers it again once one is given back', async () => {
		const db = ctx.db;
		const w = await world(db);
		await setRules(db, w.editionId, { maxWorkshopsPerTrainerDay: 2 });
		const first = await w.north('2027-05-12', '09:00', '09:50');
		const second = await w.north('2027-05-12', '09:50', '10:40');
		for (const id of [first, second]) await bookSlot(db, w.me, id);
		const afternoon = await w.south('2027-05-12', '14:00', '14:50');
		const nextDay = await w.south('2027-05-13', '14:00', '14:50');

		expect(await ids(db, w.me)).toEqual([nextDay]);
		const all = await page(db, w.me, 'all');
		expect(all.find((s) => s.id === afternoon)?.notBookable).toEqual({ kind: 'daily_max', ordinal: 3, max: 2 });
		expect((await trainerHome(db, w.me)).openCount).toBe(1);

		await cancelBooking(db, w.me, second, 'Andere afspraak');
		expect(await ids(db, w.me)).toEqual([second, afternoon, nextDay]);
		expect((await trainerHome(db, w.me)).openCount).toBe(3);
	});

	it('offers only slots for the trainer’s organisation or for all, in both views; another trainer’s bookings do not count', async () => {
		const db = ctx.db;
		const w = await world(db);
		const colleague = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		const loner = await trainer(db, 'dirk.free@example.org', null);
		const forAll = await w.north('2027-05-12', '09:00', '09:50');
		const forUs = await w.north('2027-05-12', '13:00', '13:50', { organisationId: w.welJong });
		await w.north('2027-05-13', '09:00', '09:50', { organisationId: w.cavaria });
		const theirs = await w.south('2027-05-12', '09:00', '09:50');
		await bookSlot(db, colleague, theirs);

		for (const show of ['bookable', 'all'] as const) {
			expect(await ids(db, w.me, show)).toEqual([forAll, forUs]);
			expect(await ids(db, loner, show)).toEqual([forAll]);
		}
		expect((await page(db, w.me, 'all')).every((s) => s.notBookable === null)).toBe(true);
	});

	it('a slot the list offered is refused by the service once another booking of the same trainer clashes with it, and the list stops offering it', async () => {
		const db = ctx.db;
		const w = await world(db);
		const offered = await w.north('2027-05-12', '10:00', '10:50');
		const other = await w.south('2027-05-12', '10:30', '11:20');
		expect(await ids(db, w.me)).toEqual([offered, other]);

		// Meanwhile, in another tab, the trainer takes the other one.
		await bookSlot(db, w.me, other);
		await expect(bookSlot(db, w.me, offered)).rejects.toMatchObject({ messageKey: 'ws_error_trainer_overlap', status: 409 });
		expect(await listActiveTrainerIds(db, offered)).toEqual([]);
		expect(await ids(db, w.me)).toEqual([]);
		expect((await page(db, w.me, 'all')).map((s) => [s.id, s.notBookable?.kind])).toEqual([[offered, 'overlap']]);
	});

	it('two clashing slots booked at once by the same trainer: one is taken, the other refused, and the list agrees', async () => {
		const db = ctx.db;
		const w = await world(db);
		const a = await w.north('2027-05-12', '10:00', '10:50');
		const b = await w.north('2027-05-12', '10:30', '11:20');
		const results = await Promise.allSettled([bookSlot(db, w.me, a), bookSlot(db, w.me, b)]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const lost = results[0].status === 'rejected' ? a : b;
		expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ messageKey: 'ws_error_trainer_overlap' });
		expect(await ids(db, w.me)).toEqual([]);
		expect((await page(db, w.me, 'all')).map((s) => [s.id, s.notBookable?.kind])).toEqual([[lost, 'overlap']]);
	});

	it('pages by keyset through the bookable slots only, without repeating or skipping one, and counts the same slots', async () => {
		const db = ctx.db;
		const w = await world(db);
		// 45 slots on three days; the trainer gives one at 12:00 at the other campus each day.
		const expected: number[] = [];
		const all: number[] = [];
		for (const day of ['2027-05-11', '2027-05-12', '2027-05-13']) {
			await bookSlot(db, w.me, await w.south(day, '12:00', '12:50'));
			for (let i = 0; i < 15; i++) {
				const start = `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
				const end = `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '55' : '25'}`;
				const id = await w.north(day, start, end);
				all.push(id);
				// With 30 minutes to travel: 11:30–11:55 ends too close before 12:00, 13:00 starts too soon after 12:50.
				if (!['11:30', '12:00', '12:30', '13:00'].includes(start)) expected.push(id);
			}
		}
		const seen: number[] = [];
		let after = null;
		do {
			const p = await openSlotsPage(db, w.me, {}, after, 'bookable');
			seen.push(...p.slots.map((s) => s.id));
			after = parseCursor(p.next);
		} while (after);
		expect(seen).toEqual(expected);
		expect((await trainerHome(db, w.me)).openCount).toBe(expected.length);

		const filtered = await openSlotsPage(db, w.me, parseOpenFilters(new URLSearchParams('from=2027-05-12&to=2027-05-12')), null, 'bookable');
		expect(filtered.slots.map((s) => s.id)).toEqual(expected.slice(11, 22));
		const first = await openSlotsPage(db, w.me, {}, null, 'all');
		const second = await openSlotsPage(db, w.me, {}, parseCursor(first.next), 'all');
		expect([...first.slots, ...second.slots].map((s) => s.id)).toEqual(all.slice(0, 40));
	});

	it('names the reasons in Dutch and English, with the day’s workshop as an ordinal', () => {
		const overlap = { time: '10:20', city: 'Heule', campus: 'Campus Zuid' };
		expect(m.bkb_reason_overlap(overlap, { locale: 'nl' })).toBe('Valt samen met je workshop om 10:20 in Heule (Campus Zuid).');
		expect(m.bkb_reason_overlap(overlap, { locale: 'en' })).toBe('Clashes with your workshop at 10:20 in Heule (Campus Zuid).');
		expect(m.bkb_reason_daily_max({ ordinal: 5, max: 4 }, { locale: 'nl' })).toContain('je 5e workshop die dag');
		expect([1, 2, 3, 5, 11, 22].map((ordinal) => m.bkb_reason_daily_max({ ordinal, max: 4 }, { locale: 'en' }).match(/your (\w+) workshop/)![1])).toEqual([
			'1st',
			'2nd',
			'3rd',
			'5th',
			'11th',
			'22nd'
		]);
	});
});
