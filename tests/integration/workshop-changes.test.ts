import { beforeEach, describe, expect, it } from 'vitest';
import { bookSlot, cancelBooking, unassignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import {
	addSlot,
	bookedTrainers,
	createTrainer,
	expectRefused,
	slotAt,
	slotAudit,
	slotRow,
	workshopMails,
	workshopWorld,
	type WorkshopWorld
} from './support/workshop-fixtures';

/** A Tuesday inside the default workshop period; 10:00 there is 08:00 UTC. */
const day = '2027-05-11';

/**
 * What happens to a slot after it was booked: trainers cancelling, coordinators
 * moving or cancelling it, and the report afterwards.
 */
describeEachDatabase('workshop changes', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	/** Sets the (frozen) clock to a later instant. */
	const moveTo = (iso: string) => freezeClock(iso);
	const slot = (campusId: number, start: string, end: string, extra: Parameters<typeof slotAt>[4] = {}) =>
		addSlot(ctx.db, w.coordinator, w.editionId, campusId, day, start, end, extra);

	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	describe('cancelling a booking', () => {
		it("lets a trainer cancel with a reason until the edition's deadline (7 days before)", async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.anna, id);
			const before = await slotRow(ctx.db, id);
			await expectRefused(ctx.db, () => cancelBooking(ctx.db, w.anna, id, '  '), 'ws_error_reason_required');
			moveTo('2027-05-04T07:59:00Z');
			await cancelBooking(ctx.db, w.anna, id, 'Ziek');
			expect(await bookedTrainers(ctx.db, id)).toEqual([]);
			expect(await ctx.db.selectFrom('slotTrainers').select(['active', 'cancelReason', 'cancelledBy']).where('slotId', '=', id).execute()).toEqual([
				{ active: null, cancelReason: 'Ziek', cancelledBy: w.anna.id }
			]);
			expect(await slotRow(ctx.db, id)).toMatchObject({ trainersBooked: 0, sequence: before.sequence + 1 });
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.booking_cancelled');
			expect((await workshopMails(ctx.db, w.anna.email)).at(-1)).toMatchObject({
				event: 'cancelled_self',
				reason: 'Ziek',
				subject: expect.stringMatching(/^Je annulering is genoteerd/)
			});
			expect((await workshopMails(ctx.db, 'lies@school.be')).at(-1)).toMatchObject({
				event: 'teacher_trainer_gone',
				subject: expect.stringMatching(/^Wijziging: workshop op 11 mei/)
			});
			await bookSlot(ctx.db, w.ben, id); // the place is free again
		});

		it('refuses a trainer after the deadline; a coordinator can still take them off', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await bookSlot(ctx.db, w.ben, id);
			moveTo('2027-05-04T08:00:00Z');
			await expectRefused(ctx.db, () => cancelBooking(ctx.db, w.ben, id, 'Toch niet'), 'ws_error_cancel_deadline_passed');
			const fien = await createTrainer(ctx.db, { email: 'fien@weljong.be', organisationId: w.welJong, name: 'Fien', planner: true });
			await expectRefused(ctx.db, () => unassignTrainer(ctx.db, fien, id, w.ben.id, null), 'ws_error_cancel_deadline_passed');
			moveTo('2027-05-10T12:00:00Z');
			await unassignTrainer(ctx.db, w.coordinator, id, w.ben.id, 'Ziek gemeld');
			expect(await bookedTrainers(ctx.db, id)).toEqual([]);
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.trainer_unassigned');
			expect((await workshopMails(ctx.db, w.ben.email)).at(-1)).toMatchObject({
				event: 'unassigned',
				locale: 'en',
				subject: expect.stringMatching(/^You are no longer scheduled on 11 May/)
			});
			await expectRefused(ctx.db, () => unassignTrainer(ctx.db, w.coordinator, id, w.ben.id, null), 'ws_error_not_booked');
		});
	});

	describe("editing a slot's time", () => {
		it('refuses a time that would overlap another booking of its trainer, and writes nothing', async () => {
			const moving = await slot(w.centrum.campusId, '10:00', '10:50');
			const other = await slot(w.noord.campusId, '13:00', '13:50');
			await bookSlot(ctx.db, w.anna, moving);
			await bookSlot(ctx.db, w.anna, other);
			const before = await slotRow(ctx.db, moving);
			await expectRefused(
				ctx.db,
				() => updateSlot(ctx.db, w.coordinator, moving, slotAt(w.centrum.campusId, day, '12:00', '12:50')),
				'ws_error_change_trainer_overlap'
			);
			expect(await slotRow(ctx.db, moving)).toEqual(before);
		});

		it('refuses a time at which one of its classes is already in another slot', async () => {
			const moving = await slot(w.centrum.campusId, '10:00', '10:50');
			const other = await slot(w.centrum.campusId, '13:00', '13:50');
			await setSlotClasses(ctx.db, w.coordinator, moving, [w.centrum.classIds[0]]);
			await setSlotClasses(ctx.db, w.coordinator, other, w.centrum.classIds);
			const before = await slotRow(ctx.db, moving);
			await expectRefused(ctx.db, () => updateSlot(ctx.db, w.coordinator, moving, slotAt(w.centrum.campusId, day, '13:30', '14:20')), 'ws_error_class_overlap');
			expect(await slotRow(ctx.db, moving)).toEqual(before);
		});

		it('refuses a new daily total above the maximum, and fewer places than trainers booked', async () => {
			const moving = await slot(w.centrum.campusId, '10:00', '10:50');
			await bookSlot(ctx.db, w.anna, moving);
			for (const t of ['08:00', '09:00', '10:00', '11:00'])
				await bookSlot(ctx.db, w.anna, await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', t, t.replace(':00', ':50')));
			await expectRefused(
				ctx.db,
				() => updateSlot(ctx.db, w.coordinator, moving, slotAt(w.centrum.campusId, '2027-05-12', '14:00', '14:50')),
				'ws_error_change_trainer_daily_max'
			);
			const two = await slot(w.centrum.campusId, '14:00', '14:50', { trainersNeeded: 2 });
			await bookSlot(ctx.db, w.ben, two);
			await bookSlot(ctx.db, w.chris, two);
			await expectRefused(
				ctx.db,
				() => updateSlot(ctx.db, w.coordinator, two, slotAt(w.centrum.campusId, day, '14:00', '14:50', { trainersNeeded: 1 })),
				'ws_error_needed_below_booked',
				{ booked: 2 }
			);
		});

		it('moves a slot when everyone is free: sequence raised, logged, trainers and teachers told', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.ben, id);
			const before = await slotRow(ctx.db, id);
			await updateSlot(ctx.db, w.coordinator, id, slotAt(w.centrum.campusId, day, '13:00', '13:50'));
			expect(await slotRow(ctx.db, id)).toMatchObject({
				startsAt: '2027-05-11 11:00:00.000',
				endsAt: '2027-05-11 11:50:00.000',
				sequence: before.sequence + 1,
				trainersBooked: 1
			});
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.slot_updated');
			expect((await workshopMails(ctx.db, w.ben.email)).at(-1)).toMatchObject({
				event: 'changed',
				subject: expect.stringMatching(/^Changed: workshop now on 11 May 2027 at 13:00–13:50/)
			});
			expect((await workshopMails(ctx.db, 'lies@school.be')).at(-1)).toMatchObject({
				event: 'changed',
				subject: expect.stringMatching(/^Gewijzigd: workshop nu op 11 mei 2027 om 13:00–13:50/)
			});
		});
	});

	describe('cancelling a slot', () => {
		it('keeps the slot as cancelled, frees its trainer and class, and tells them', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.anna, id);
			await expectRefused(ctx.db, () => cancelSlot(ctx.db, w.coordinator, id, ' '), 'ws_error_reason_required');
			await expectRefused(ctx.db, () => cancelSlot(ctx.db, w.anna, id, 'Ik wil niet'), 'error_forbidden');
			const before = await slotRow(ctx.db, id);
			await cancelSlot(ctx.db, w.coordinator, id, 'Schooluitstap');
			expect(await slotRow(ctx.db, id)).toMatchObject({ status: 'cancelled', cancelReason: 'Schooluitstap', sequence: before.sequence + 1 });
			expect(await bookedTrainers(ctx.db, id)).toEqual([w.anna.id]); // calendars show it as cancelled
			expect((await slotAudit(ctx.db, id)).at(-1)).toBe('workshop.slot_cancelled');
			expect((await workshopMails(ctx.db, w.anna.email)).at(-1)).toMatchObject({
				event: 'cancelled',
				reason: 'Schooluitstap',
				subject: expect.stringMatching(/^Geannuleerd: workshop op 11 mei/)
			});
			expect((await workshopMails(ctx.db, 'lies@school.be')).at(-1)).toMatchObject({ event: 'cancelled', subject: expect.stringMatching(/^Geannuleerd/) });
			await expectRefused(ctx.db, () => cancelSlot(ctx.db, w.coordinator, id, 'Nog eens'), 'ws_error_slot_cancelled');
			const again = await slot(w.centrum.campusId, '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, again, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.anna, again);
		});
	});

	describe('reporting', () => {
		it('takes a report from a booked trainer once the slot has started, and a correction', async () => {
			const id = await slot(w.centrum.campusId, '10:00', '10:50');
			await bookSlot(ctx.db, w.anna, id);
			const given = { outcome: 'given' as const, pupilsPresent: 21, durationMinutes: 50, note: 'Goede vragen' };
			moveTo('2027-05-11T07:59:00Z');
			await expectRefused(ctx.db, () => reportWorkshop(ctx.db, w.anna, id, given), 'ws_error_report_too_early');
			moveTo('2027-05-11T09:00:00Z');
			await expectRefused(ctx.db, () => reportWorkshop(ctx.db, w.ben, id, given), 'error_forbidden');
			await reportWorkshop(ctx.db, w.anna, id, given);
			expect(await slotRow(ctx.db, id)).toMatchObject({
				outcome: 'given',
				pupilsPresent: 21,
				durationMinutes: 50,
				reportNote: 'Goede vragen',
				reportedBy: w.anna.id
			});
			await reportWorkshop(ctx.db, w.coordinator, id, { outcome: 'not_given', notGivenReason: 'class_absent', note: null });
			expect(await slotRow(ctx.db, id)).toMatchObject({
				outcome: 'not_given',
				pupilsPresent: null,
				notGivenReason: 'class_absent',
				reportedBy: w.coordinator.id
			});
			expect((await slotAudit(ctx.db, id)).slice(-2)).toEqual(['workshop.reported', 'workshop.report_corrected']);
			await expectRefused(ctx.db, () => cancelSlot(ctx.db, w.coordinator, id, 'Te laat'), 'ws_error_already_reported');
		});
	});
});
