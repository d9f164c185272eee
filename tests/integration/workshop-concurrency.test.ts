import { beforeEach, expect, it } from 'vitest';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import {
	addSlot,
	bookedTrainers,
	createCoordinator,
	createTrainers,
	rejectionKeys,
	slotAt,
	slotClassIds,
	slotRow,
	workshopWorld,
	type WorkshopWorld
} from './support/workshop-fixtures';

const day = '2027-05-11';
/** Working days in the workshop period, without Ascension (6 May) and Whit Monday (17 May). */
const days = [
	'2027-05-10',
	'2027-05-11',
	'2027-05-12',
	'2027-05-13',
	'2027-05-14',
	'2027-05-18',
	'2027-05-19',
	'2027-05-20',
	'2027-05-21',
	'2027-05-24',
	'2027-05-25',
	'2027-05-26'
];
const fulfilled = (results: PromiseSettledResult<unknown>[]) => results.filter((r) => r.status === 'fulfilled').length;

/**
 * The booking races of issue 5, decided by the database. On MariaDB they run on
 * real parallel connections (the pool is large enough for every request at once);
 * on SQLite Kysely serialises them on one connection, so there they only prove
 * the outcome, not the race. Rounds repeat a race so that it really overlaps.
 */
describeEachDatabase('workshop concurrency', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 30 });
	let w: WorkshopWorld;
	const slot = (campusId: number, start: string, end: string, extra: Parameters<typeof slotAt>[4] = {}) =>
		addSlot(ctx.db, w.coordinator, w.editionId, campusId, day, start, end, extra);

	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	it('gives a one-trainer slot to exactly one of 50 trainers booking it at once; 49 hear it is taken', async () => {
		const trainers = await createTrainers(ctx.db, 50, w.welJong);
		const id = await slot(w.centrum.campusId, '10:00', '10:50');
		const results = await Promise.allSettled(trainers.map((t) => bookSlot(ctx.db, t, id)));
		expect(fulfilled(results)).toBe(1);
		expect(rejectionKeys(results)).toEqual(Array(49).fill('ws_error_slot_full'));
		expect(await ctx.db.selectFrom('slotTrainers').select('id').where('slotId', '=', id).execute()).toHaveLength(1);
		expect(await slotRow(ctx.db, id)).toMatchObject({ trainersBooked: 1, sequence: 1 });
		const winner = trainers[results.findIndex((r) => r.status === 'fulfilled')];
		expect(await bookedTrainers(ctx.db, id)).toEqual([winner.id]);
	});

	it('gives a two-trainer slot to exactly two of ten trainers booking it at once', async () => {
		const trainers = await createTrainers(ctx.db, 10, w.welJong);
		const id = await slot(w.centrum.campusId, '10:00', '10:50', { trainersNeeded: 2 });
		const results = await Promise.allSettled(trainers.map((t) => bookSlot(ctx.db, t, id)));
		expect(fulfilled(results)).toBe(2);
		expect(rejectionKeys(results)).toEqual(Array(8).fill('ws_error_slot_full'));
		expect(await bookedTrainers(ctx.db, id)).toHaveLength(2);
		expect(await slotRow(ctx.db, id)).toMatchObject({ trainersBooked: 2 });
	});

	it('books one trainer on only one of two overlapping slots booked at once from two tabs', async () => {
		for (const [round, onDay] of days.slice(0, 6).entries()) {
			// Overlapping at the same campus, or five minutes apart at campuses a travel buffer apart.
			const [campus, start, end] = round % 2 ? [w.noord.campusId, '10:55', '11:45'] : [w.centrum.campusId, '10:30', '11:20'];
			const a = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, onDay, '10:00', '10:50');
			const b = await addSlot(ctx.db, w.coordinator, w.editionId, campus, onDay, start, end);
			const results = await Promise.allSettled([bookSlot(ctx.db, w.anna, a), bookSlot(ctx.db, w.anna, b)]);
			expect(fulfilled(results), `round ${round}`).toBe(1);
			expect(rejectionKeys(results)).toEqual(['ws_error_trainer_overlap']);
			expect([...(await bookedTrainers(ctx.db, a)), ...(await bookedTrainers(ctx.db, b))]).toEqual([w.anna.id]);
		}
	});

	it('puts a class in only one of two overlapping slots when two coordinators assign it at once', async () => {
		const ahmed = await createCoordinator(ctx.db, 'ahmed@stad.be', 'Ahmed');
		for (let round = 0; round < 6; round++) {
			const start = String(8 + round).padStart(2, '0');
			const a = await slot(w.centrum.campusId, `${start}:00`, `${start}:50`);
			const b = await slot(w.centrum.campusId, `${start}:20`, `${start}:40`);
			const classId = w.centrum.classIds[round % 2];
			const results = await Promise.allSettled([setSlotClasses(ctx.db, w.coordinator, a, [classId]), setSlotClasses(ctx.db, ahmed, b, [classId])]);
			expect(fulfilled(results), `round ${round}`).toBe(1);
			expect(rejectionKeys(results)).toEqual(['ws_error_class_overlap']);
			expect([...(await slotClassIds(ctx.db, a)), ...(await slotClassIds(ctx.db, b))]).toEqual([classId]);
		}
	});

	it("never lets a slot's new time and a new booking of its trainer overlap when both happen at once", async () => {
		for (let round = 0; round < 6; round++) {
			const [from, to] = [days[2 * round], days[2 * round + 1]];
			const moving = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, from, '10:00', '10:50');
			const target = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, to, '10:00', '10:50');
			await bookSlot(ctx.db, w.ben, moving);
			const results = await Promise.allSettled([
				updateSlot(ctx.db, w.coordinator, moving, slotAt(w.centrum.campusId, to, '10:10', '10:40')),
				bookSlot(ctx.db, w.ben, target)
			]);
			expect(fulfilled(results), `round ${round}`).toBe(1);
			expect(rejectionKeys(results)).toHaveLength(1);
			expect(['ws_error_change_trainer_overlap', 'ws_error_trainer_overlap']).toContain(rejectionKeys(results)[0]);
		}
	});

	it('never lets a slot move onto a class that is being added to it at the same moment', async () => {
		const ahmed = await createCoordinator(ctx.db, 'ahmed@stad.be', 'Ahmed');
		for (const [round, onDay] of days.slice(0, 6).entries()) {
			const classId = w.centrum.classIds[round % 2];
			const busy = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, onDay, '13:00', '13:50');
			await setSlotClasses(ctx.db, w.coordinator, busy, [classId]);
			const moving = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, onDay, '10:00', '10:50');
			const results = await Promise.allSettled([
				updateSlot(ctx.db, w.coordinator, moving, slotAt(w.centrum.campusId, onDay, '13:20', '14:10')),
				setSlotClasses(ctx.db, ahmed, moving, [classId])
			]);
			const row = await slotRow(ctx.db, moving);
			const classInMoving = (await slotClassIds(ctx.db, moving)).includes(classId);
			// Whatever the order, the class is never in two overlapping slots.
			expect(classInMoving && row.startsAt === `${onDay} 11:20:00.000`, `round ${round}`).toBe(false);
			expect(fulfilled(results), `round ${round}`).toBe(1);
			for (const key of rejectionKeys(results)) expect(['ws_error_class_overlap', 'ws_error_changed_meanwhile']).toContain(key);
		}
	});
});
