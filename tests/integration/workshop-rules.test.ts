import { beforeEach, describe, expect, it } from 'vitest';
import { withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { assignTrainer, bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { cancelSlot, createSlot, createSlotsBulk, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import {
	addSlot,
	blockDay,
	bookedTrainers,
	createTrainer,
	enrolClasses,
	expectRefused,
	setEditionRules,
	slotAt,
	slotAudit,
	slotClassIds,
	slotRow,
	workshopEdition,
	workshopMails,
	workshopWorld,
	type WorkshopWorld
} from './support/workshop-fixtures';

/** A Tuesday inside the default workshop period, not a public holiday. */
const day = '2027-05-11';
const nextDay = '2027-05-12';

describeEachDatabase('workshop rules', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	const slot = (campusId: number, start: string, end: string, extra: Parameters<typeof slotAt>[4] = {}, onDay = day) =>
		addSlot(ctx.db, w.coordinator, w.editionId, campusId, onDay, start, end, extra);

	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	describe('placing a slot', () => {
		it('stores a slot at its UTC instants and Brussels day, and logs who created it', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			expect(await slotRow(ctx.db, id)).toMatchObject({
				localDate: day,
				startsAt: '2027-05-11 08:00:00.000',
				endsAt: '2027-05-11 08:50:00.000',
				status: 'scheduled',
				trainersBooked: 0,
				sequence: 0
			});
			expect(await slotAudit(ctx.db, id)).toEqual(['workshop.slot_created']);
		});

		it('refuses an end at or before the start, and writes nothing', async () => {
			await expectRefused(ctx.db, () => slot(w.centrum.campusId, '10:00', '09:30'), 'ws_error_end_before_start');
			await expectRefused(ctx.db, () => slot(w.centrum.campusId, '10:00', '10:00'), 'ws_error_end_before_start');
		});

		it('refuses a blocked day, naming why it is blocked', async () => {
			await blockDay(ctx.db, w.editionId, nextDay, 'Pedagogische studiedag');
			await expectRefused(ctx.db, () => slot(w.centrum.campusId, '10:00', '10:50', {}, nextDay), 'ws_error_blocked_day', { label: 'Pedagogische studiedag' });
			await slot(w.centrum.campusId, '10:00', '10:50', {}, day);
		});

		it("refuses a day outside the edition's workshop period but accepts its first and last day", async () => {
			const period = { from: '2027-04-20', to: '2027-06-07' };
			await expectRefused(ctx.db, () => slot(w.centrum.campusId, '10:00', '10:50', {}, '2027-04-19'), 'ws_error_outside_period', period);
			await expectRefused(ctx.db, () => slot(w.centrum.campusId, '10:00', '10:50', {}, '2027-06-08'), 'ws_error_outside_period', period);
			await slot(w.centrum.campusId, '10:00', '10:50', {}, '2027-04-20');
			await slot(w.centrum.campusId, '10:00', '10:50', {}, '2027-06-07');
		});
	});

	describe('placing a series', () => {
		const series = (onDay: string, firstStart: string, count: number) => {
			const { startTime: _start, endTime: _end, ...settings } = slotAt(w.centrum.campusId, onDay, firstStart, firstStart);
			return createSlotsBulk(ctx.db, w.coordinator, w.editionId, { ...settings, firstStart, count, durationMinutes: 50, gapMinutes: 10 });
		};

		it('creates four slots of 50 minutes from 08:30 with 10 minutes between', async () => {
			const ids = await series(day, '08:30', 4);
			const rows = await Promise.all(ids.map((id) => slotRow(ctx.db, id)));
			expect(rows.map((r) => r.startsAt)).toEqual(['06:30', '07:30', '08:30', '09:30'].map((t) => `${day} ${t}:00.000`));
			expect(rows.map((r) => r.endsAt)).toEqual(['07:20', '08:20', '09:20', '10:20'].map((t) => `${day} ${t}:00.000`));
		});

		it('refuses a series that runs past midnight or lands on a blocked day, all or nothing', async () => {
			await expectRefused(ctx.db, () => series(day, '22:00', 3), 'ws_error_bulk_past_midnight');
			await blockDay(ctx.db, w.editionId, nextDay);
			await expectRefused(ctx.db, () => series(nextDay, '08:30', 4), 'ws_error_blocked_day');
		});
	});

	describe("a slot's classes", () => {
		it('serves enrolled classes of its campus and tells each teacher in their language', async () => {
			const nl = await slot(w.centrum.campusId, '10:00', '10:50', { maxPupils: 42 });
			await setSlotClasses(ctx.db, w.coordinator, nl, w.centrum.classIds);
			expect(await slotClassIds(ctx.db, nl)).toEqual(w.centrum.classIds);
			expect((await slotRow(ctx.db, nl)).sequence).toBe(1);
			expect(await slotAudit(ctx.db, nl)).toEqual(['workshop.slot_created', 'workshop.slot_classes_set']);
			expect(await workshopMails(ctx.db, 'lies@school.be')).toMatchObject([
				{ event: 'teacher_scheduled', locale: 'nl', classes: '5A, 5B', subject: expect.stringMatching(/^Workshop ingepland op 11 mei 2027 om 10:00–10:50/) }
			]);
			const en = await slot(w.noord.campusId, '13:00', '13:50');
			await setSlotClasses(ctx.db, w.coordinator, en, [w.noord.classIds[0]]);
			expect(await workshopMails(ctx.db, 'tom@school.be')).toMatchObject([
				{ event: 'teacher_scheduled', locale: 'en', classes: '6A', subject: expect.stringMatching(/^Workshop scheduled on 11 May 2027 at 13:00–13:50/) }
			]);
		});

		it('refuses a class of another campus, of another edition, withdrawn or unknown', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, id, [w.noord.classIds[0]]), 'ws_error_class_other_campus', { name: '6A' });
			const nextEdition = await workshopEdition(ctx.db, { year: 2028 });
			const [later] = await enrolClasses(ctx.db, w.centrum.teacher, nextEdition, w.centrum.campusId, [{ name: '5C', pupils: 21 }]);
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, id, [later]), 'ws_error_class_other_edition', { name: '5C' });
			await withdrawClass(ctx.db, w.centrum.teacher, w.centrum.classIds[1]);
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[1]]), 'ws_error_class_not_enrolled', { name: '5B' });
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, id, [987654]), 'ws_error_class_unknown');
		});

		it("keeps a slot's classes within its pupil maximum", async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50', { maxPupils: 40 });
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, id, w.centrum.classIds), 'ws_error_pupils_over_max', { pupils: 42, max: 40 });
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
		});

		it('never puts a class in two overlapping slots; back to back is fine', async () => {
			const [first, overlapping, after] = [
				await slot(w.centrum.campusId, '10:00', '10:50'),
				await slot(w.centrum.campusId, '10:30', '11:20'),
				await slot(w.centrum.campusId, '10:50', '11:40')
			];
			const fiveA = [w.centrum.classIds[0]];
			await setSlotClasses(ctx.db, w.coordinator, first, fiveA);
			await expectRefused(ctx.db, () => setSlotClasses(ctx.db, w.coordinator, overlapping, fiveA), 'ws_error_class_overlap');
			await setSlotClasses(ctx.db, w.coordinator, after, fiveA);
			expect(await slotClassIds(ctx.db, after)).toEqual(fiveA);
		});
	});

	describe('booking', () => {
		it('books a trainer: one row, the counter and sequence raised, logged, mails in each reader’s language', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			const before = await slotRow(ctx.db, id);
			await bookSlot(ctx.db, w.anna, id);
			expect(await bookedTrainers(ctx.db, id)).toEqual([w.anna.id]);
			expect(await slotRow(ctx.db, id)).toMatchObject({ trainersBooked: 1, sequence: before.sequence + 1 });
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.booked');
			expect(await workshopMails(ctx.db, w.anna.email)).toMatchObject([
				{ event: 'booked_self', locale: 'nl', subject: expect.stringMatching(/^Je geeft een workshop op 11 mei 2027 om 10:00–10:50/) }
			]);
			expect((await workshopMails(ctx.db, 'lies@school.be')).at(-1)).toMatchObject({
				event: 'teacher_trainer_found',
				trainer: 'Anna (Wel Jong)',
				subject: expect.stringMatching(/^Er is een trainer voor de workshop op 11 mei/)
			});
			const en = await slot(w.noord.campusId, '14:00', '14:50');
			await setSlotClasses(ctx.db, w.coordinator, en, [w.noord.classIds[0]]);
			await bookSlot(ctx.db, w.ben, en);
			expect(await workshopMails(ctx.db, w.ben.email)).toMatchObject([
				{ event: 'booked_self', locale: 'en', subject: expect.stringMatching(/^You give a workshop on 11 May 2027 at 14:00–14:50/) }
			]);
			expect((await workshopMails(ctx.db, 'tom@school.be')).at(-1)).toMatchObject({
				event: 'teacher_trainer_found',
				trainer: 'Ben (Wel Jong)',
				subject: expect.stringMatching(/^A trainer will give the workshop on 11 May/)
			});
		});

		it('never gives a slot more trainers than it needs (one, or two)', async () => {
			const one = await slot(w.centrum.campusId, '10:00', '10:50');
			await bookSlot(ctx.db, w.anna, one);
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.ben, one), 'ws_error_slot_full');
			const two = await slot(w.centrum.campusId, '14:00', '14:50', { trainersNeeded: 2 });
			await bookSlot(ctx.db, w.anna, two);
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, two), 'ws_error_already_booked');
			await bookSlot(ctx.db, w.ben, two);
			const dirk = await createTrainer(ctx.db, { email: 'dirk@weljong.be', organisationId: w.welJong, name: 'Dirk' });
			await expectRefused(ctx.db, () => bookSlot(ctx.db, dirk, two), 'ws_error_slot_full');
			expect(await slotRow(ctx.db, two)).toMatchObject({ trainersNeeded: 2, trainersBooked: 2 });
			expect(await bookedTrainers(ctx.db, two)).toEqual([w.anna.id, w.ben.id]);
		});

		it('refuses a trainer on two overlapping slots', async () => {
			const first = await slot(w.centrum.campusId, '10:00', '10:50');
			const overlapping = await slot(w.centrum.campusId, '10:30', '11:20');
			await bookSlot(ctx.db, w.anna, first);
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, overlapping), 'ws_error_trainer_overlap');
			await bookSlot(ctx.db, w.ben, overlapping);
		});

		it('keeps the travel buffer between different campuses, and none at the same campus', async () => {
			await bookSlot(ctx.db, w.anna, await slot(w.centrum.campusId, '10:00', '10:50'));
			await bookSlot(ctx.db, w.anna, await slot(w.centrum.campusId, '10:50', '11:40')); // back to back, same campus
			const twentyAfter = await slot(w.noord.campusId, '12:00', '12:50');
			const twentyBefore = await slot(w.noord.campusId, '09:00', '09:40');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, twentyAfter), 'ws_error_trainer_overlap');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, twentyBefore), 'ws_error_trainer_overlap');
			await bookSlot(ctx.db, w.anna, await slot(w.noord.campusId, '12:10', '13:00')); // thirty minutes to travel
			await setEditionRules(ctx.db, w.editionId, { travelBufferMinutes: 15 });
			await bookSlot(ctx.db, w.anna, twentyBefore);
			expect(await ctx.db.selectFrom('slotTrainers').select('slotId').where('trainerId', '=', w.anna.id).execute()).toHaveLength(4);
		});

		it("caps a trainer's workshops per Brussels day: four by default, or the edition's number", async () => {
			const times = ['08:30', '09:30', '10:30', '11:30', '12:30'];
			const slots: number[] = [];
			for (const t of times) slots.push(await slot(w.centrum.campusId, t, t.replace(/:30$/, ':55'), { trainersNeeded: 2 }));
			for (const id of slots.slice(0, 4)) await bookSlot(ctx.db, w.anna, id);
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, slots[4]), 'ws_error_trainer_daily_max', { max: 4 });
			await bookSlot(ctx.db, w.anna, await slot(w.centrum.campusId, '08:30', '08:55', {}, nextDay));

			await setEditionRules(ctx.db, w.editionId, { maxWorkshopsPerTrainerDay: 2 });
			await bookSlot(ctx.db, w.ben, slots[0]);
			await bookSlot(ctx.db, w.ben, slots[1]);
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.ben, slots[2]), 'ws_error_trainer_daily_max', { max: 2 });
			// 00:30 in Brussels on the 12th is still the 11th in UTC: it counts for the 12th.
			const afterMidnight = await slot(w.centrum.campusId, '00:30', '01:20', {}, nextDay);
			expect((await slotRow(ctx.db, afterMidnight)).startsAt).toBe('2027-05-11 22:30:00.000');
			await bookSlot(ctx.db, w.ben, afterMidnight);
		});

		it('refuses booking a cancelled slot', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await cancelSlot(ctx.db, w.coordinator, id, 'School op uitstap');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, id), 'ws_error_slot_cancelled');
		});

		it('refuses booking a slot once it has started', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			freezeClock('2027-05-11T08:00:00Z');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, id), 'ws_error_slot_past');
		});

		it('offers a slot only to the organisation it names', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50', { organisationId: w.cavaria });
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.anna, id), 'ws_error_not_offered');
			await bookSlot(ctx.db, w.chris, id);
		});
	});

	describe('assigning someone else', () => {
		it('refuses a crafted assignment by a trainer who does not plan, or plans for another organisation', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			const dirk = await createTrainer(ctx.db, { email: 'dirk@weljong.be', organisationId: w.welJong, name: 'Dirk' });
			const eva = await createTrainer(ctx.db, { email: 'eva@cavaria.be', organisationId: w.cavaria, name: 'Eva', planner: true });
			await expectRefused(ctx.db, () => assignTrainer(ctx.db, dirk, id, w.ben.id), 'error_forbidden');
			await expectRefused(ctx.db, () => assignTrainer(ctx.db, eva, id, w.ben.id), 'error_forbidden');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.centrum.teacher, id), 'error_forbidden');
			const welJongOnly = await slot(w.centrum.campusId, '13:00', '13:50', { organisationId: w.welJong });
			await expectRefused(ctx.db, () => assignTrainer(ctx.db, eva, welJongOnly, w.chris.id), 'error_forbidden');
		});

		it("lets a planner assign their organisation's trainers, logged and mailed", async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			const fien = await createTrainer(ctx.db, { email: 'fien@weljong.be', organisationId: w.welJong, name: 'Fien', planner: true });
			await assignTrainer(ctx.db, fien, id, w.ben.id);
			expect(await bookedTrainers(ctx.db, id)).toEqual([w.ben.id]);
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.trainer_assigned');
			expect(await workshopMails(ctx.db, w.ben.email)).toMatchObject([
				{ event: 'assigned', locale: 'en', subject: expect.stringMatching(/^You have been scheduled for a workshop on 11 May/) }
			]);
		});

		it('lets a planner assign only in a published edition, like booking', async () => {
			const draft = await workshopEdition(ctx.db, { year: 2028, status: 'draft' });
			const id = await createSlot(ctx.db, w.coordinator, draft, slotAt(w.centrum.campusId, day, '10:00', '10:50'));
			const fien = await createTrainer(ctx.db, { email: 'fien@weljong.be', organisationId: w.welJong, name: 'Fien', planner: true });
			await expectRefused(ctx.db, () => assignTrainer(ctx.db, fien, id, w.ben.id), 'error_not_found');
			await expectRefused(ctx.db, () => bookSlot(ctx.db, w.ben, id), 'error_not_found');
			await assignTrainer(ctx.db, w.coordinator, id, w.ben.id);
		});
	});
});
