import { beforeEach, expect, it } from 'vitest';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { buildFeedCalendar } from '../../src/lib/server/workshops/calendar/calendar-ics';
import { createSlotsBulk } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, expectRefused, slotAt, slotRow, workshopMails, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/** The last Sundays of March and October 2027: summer time starts (02:00 → 03:00) and ends (03:00 → 02:00). */
const springForward = '2027-03-28';
const fallBack = '2027-10-31';

/**
 * Slots are entered in Brussels wall-clock time and stored as UTC instants plus
 * the Brussels day; across the daylight-saving changes the offset differs (CEST
 * +2 in March after the change, CET +1 in October after it).
 */
describeEachDatabase('workshop slots across daylight saving', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	const slot = (localDate: string, start: string, end: string) => addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, localDate, start, end);

	beforeEach(async () => {
		freezeClock('2027-03-01T08:00:00Z');
		w = await workshopWorld(ctx.db, { from: '2027-03-01', to: '2027-11-30' });
	});

	it('stores 09:00 on both change days at the right UTC instant and Brussels day', async () => {
		const march = await slot(springForward, '09:00', '09:50');
		const october = await slot(fallBack, '09:00', '09:50');
		expect(await slotRow(ctx.db, march)).toMatchObject({ localDate: springForward, startsAt: '2027-03-28 07:00:00.000', endsAt: '2027-03-28 07:50:00.000' });
		expect(await slotRow(ctx.db, october)).toMatchObject({ localDate: fallBack, startsAt: '2027-10-31 08:00:00.000', endsAt: '2027-10-31 08:50:00.000' });
	});

	it('shows the trainer 09:00 in the mail and puts the UTC instants in the calendar feed', async () => {
		const march = await slot(springForward, '09:00', '09:50');
		const october = await slot(fallBack, '09:00', '09:50');
		await bookSlot(ctx.db, w.anna, march);
		await bookSlot(ctx.db, w.anna, october);
		expect((await workshopMails(ctx.db, w.anna.email)).map((m) => m.subject)).toEqual([
			expect.stringMatching(/^Je geeft een workshop op 28 maart 2027 om 09:00–09:50/),
			expect.stringMatching(/^Je geeft een workshop op 31 oktober 2027 om 09:00–09:50/)
		]);
		const ics = await buildFeedCalendar(ctx.db, { userId: w.anna.id, editionId: null, locale: 'nl' });
		for (const line of ['DTSTART:20270328T070000Z', 'DTEND:20270328T075000Z', 'DTSTART:20271031T080000Z', 'DTEND:20271031T085000Z'])
			expect(ics).toContain(line);
	});

	it('refuses 02:30 on the last Sunday of March, a time the clocks skip, and writes nothing', async () => {
		await expectRefused(ctx.db, () => slot(springForward, '02:30', '03:20'), 'ws_error_time_skipped');
		await expectRefused(ctx.db, () => slot(springForward, '01:30', '02:30'), 'ws_error_time_skipped');
		await expect(slot(springForward, '02:30', '03:20')).rejects.toMatchObject({ field: 'startTime' });
		await expect(slot(springForward, '01:30', '02:30')).rejects.toMatchObject({ field: 'endTime' });
	});

	it('counts real time across the change: 01:30–03:30 is one hour in March and three in October', async () => {
		const march = await slot(springForward, '01:30', '03:30');
		const october = await slot(fallBack, '01:30', '03:30');
		expect(await slotRow(ctx.db, march)).toMatchObject({ localDate: springForward, startsAt: '2027-03-28 00:30:00.000', endsAt: '2027-03-28 01:30:00.000' });
		// 01:30 on 31 October is still summer time: the instant falls on 30 October in UTC.
		expect(await slotRow(ctx.db, october)).toMatchObject({ localDate: fallBack, startsAt: '2027-10-30 23:30:00.000', endsAt: '2027-10-31 02:30:00.000' });
	});

	it('keeps a bulk series on the wall clock on a change day', async () => {
		const { startTime: _start, endTime: _end, ...settings } = slotAt(w.centrum.campusId, springForward, '08:30', '09:20');
		const input = { ...settings, firstStart: '08:30', count: 3, durationMinutes: 50, gapMinutes: 10 };
		const ids = await createSlotsBulk(ctx.db, w.coordinator, w.editionId, input);
		const rows = await Promise.all(ids.map((id) => slotRow(ctx.db, id)));
		expect(rows.map((r) => r.startsAt)).toEqual(['2027-03-28 06:30:00.000', '2027-03-28 07:30:00.000', '2027-03-28 08:30:00.000']);
	});
});
