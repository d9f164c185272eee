import { beforeEach, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../src/lib/server/errors';
import { assignTrainer, bookSlot, cancelBooking, unassignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, createSlotsBulk, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { plannerPage } from '../../src/lib/server/workshops/trainers/trainer-planner.service';
import { trainerSlotPage } from '../../src/lib/server/workshops/trainers/trainer-slot-page.service';
import {
	myToReport,
	myWeek,
	myWorkshopsPage,
	openSlotsPage,
	parseCursor,
	parseOpenFilters,
	trainerHome
} from '../../src/lib/server/workshops/trainers/trainer-views.service';
import { createEdition } from './support/enrolment-fixtures';
import { createUser } from './support/fixtures';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { newSlot, planningWorld, slotAt, trainer } from './support/trainer-view-fixtures';

const firstPage = { page: 1, limit: 25, offset: 0 };
const filters = (query: string) => parseOpenFilters(new URLSearchParams(query));

describeEachDatabase('trainer views', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	it('lists only slots a trainer can still take: offered to their organisation or all, published, future, not full, not cancelled, not theirs', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const colleague = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		const cav = await trainer(db, 'cas.maes@cavaria.be', w.cavaria);
		const loner = await trainer(db, 'dirk.free@example.org', null);
		const forAll = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-12', '09:00'));
		await setSlotClasses(db, w.coordinator, forAll, w.north.classIds);
		const forUs = await newSlot(
			db,
			w.coordinator,
			w.editionId,
			slotAt(w.north.campusId, '2027-05-12', '13:00', { organisationId: w.welJong, trainersNeeded: 2 })
		);
		await bookSlot(db, colleague, forUs);
		const forThem = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-13', '09:00', { organisationId: w.cavaria }));
		const full = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-14', '09:00'));
		await bookSlot(db, cav, full);
		const cancelled = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-18', '09:00'));
		await cancelSlot(db, w.coordinator, cancelled, 'Schoolreis');
		const mine = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-19', '09:00'));
		await bookSlot(db, me, mine);
		const soon = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-04-21', '09:00'));
		const draft = await createEdition(db, { status: 'draft', year: 2028 });
		await newSlot(db, w.coordinator, draft, slotAt(w.north.campusId, '2027-05-12', '11:00'));

		expect((await openSlotsPage(db, me, {}, null)).slots.map((s) => s.id)).toEqual([soon, forAll, forUs]);
		advance(21 * 86_400_000); // 22 April: the slot of 21 April is past
		const page = await openSlotsPage(db, me, {}, null);
		expect(page.slots.map((s) => s.id)).toEqual([forAll, forUs]);
		const [first, second] = page.slots;
		expect(first).toMatchObject({
			startTime: '09:00',
			endTime: '09:50',
			room: 'B.204',
			language: 'nl',
			stillNeeded: 1,
			offeredToAll: true,
			trainerNote: 'Bel aan bij het secretariaat.',
			pupils: 41
		});
		expect(first.campus).toMatchObject({ name: 'Campus noord@school.be', street: 'Grote Markt 1', postalCode: '8500', city: 'Kortrijk' });
		expect(first.classes).toEqual([
			{ name: 'Klas 1', grade: 'L5', pupilCount: 22 },
			{ name: 'Klas 2', grade: 'L6', pupilCount: 19 }
		]);
		expect(second).toMatchObject({ trainersNeeded: 2, stillNeeded: 1, offeredToAll: false });
		expect((await openSlotsPage(db, cav, {}, null)).slots.map((s) => s.id)).toEqual([forAll, forThem]);
		expect((await openSlotsPage(db, loner, {}, null)).slots.map((s) => s.id)).toEqual([forAll]);
	});

	it('filters open slots by date range, campus and language, and offers only campuses with open slots', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const a = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-12', '09:00'));
		const b = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-20', '09:00', { language: 'fr' }));
		const c = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-27', '09:00'));
		const ids = async (query: string) => (await openSlotsPage(db, me, filters(query), null)).slots.map((s) => s.id);

		expect(await ids('from=2027-05-15')).toEqual([b, c]);
		expect(await ids('to=2027-05-20')).toEqual([a, b]);
		expect(await ids('from=2027-05-13&to=2027-05-26')).toEqual([b]);
		expect(await ids(`campus=${w.south.campusId}`)).toEqual([b]);
		expect(await ids('language=fr')).toEqual([b]);
		expect(await ids(`campus=${w.north.campusId}&language=fr`)).toEqual([]);
		expect(await ids('from=not-a-date&campus=-3&language=xx')).toEqual([a, b, c]);
		const campuses = (await openSlotsPage(db, me, {}, null)).campuses.map((x) => x.id);
		expect(campuses.sort()).toEqual([w.north.campusId, w.south.campusId].sort());
	});

	it('pages through many open slots by keyset without repeating or skipping one', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const bulk = {
			campusId: w.north.campusId,
			room: null,
			language: 'nl' as const,
			trainersNeeded: 1 as const,
			maxPupils: null,
			organisationId: null,
			trainerNote: null,
			firstStart: '08:00',
			durationMinutes: 50,
			gapMinutes: 10
		};
		const all = [
			...(await createSlotsBulk(db, w.coordinator, w.editionId, { ...bulk, localDate: '2027-05-12', count: 10 })),
			...(await createSlotsBulk(db, w.coordinator, w.editionId, { ...bulk, localDate: '2027-05-11', count: 10 })),
			...(await createSlotsBulk(db, w.coordinator, w.editionId, { ...bulk, localDate: '2027-05-13', count: 5 }))
		];
		const one = await openSlotsPage(db, me, {}, null);
		expect(one.slots).toHaveLength(20);
		expect(one.next).not.toBeNull();
		const two = await openSlotsPage(db, me, {}, parseCursor(one.next));
		expect(two.slots).toHaveLength(5);
		expect(two.next).toBeNull();
		const seen = [...one.slots, ...two.slots];
		expect(seen.map((s) => s.id).sort((x, y) => x - y)).toEqual(all.sort((x, y) => x - y));
		expect(seen.map((s) => `${s.localDate} ${s.startTime}`)).toEqual(seen.map((s) => `${s.localDate} ${s.startTime}`).sort());
	});

	it('shows my workshops: upcoming and past, cancelled ones and bookings taken off marked, and what I still have to report', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const at = (day: string, time: string) => newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, day, time));
		const [kept, dropped, takenOff, called, unreported, reported] = [
			await at('2027-05-12', '09:00'),
			await at('2027-05-12', '11:00'),
			await at('2027-05-13', '09:00'),
			await at('2027-05-14', '09:00'),
			await at('2027-04-21', '09:00'),
			await at('2027-04-21', '11:00')
		];
		for (const id of [kept, dropped, takenOff, called, unreported, reported]) await bookSlot(db, me, id);
		await cancelBooking(db, me, dropped, 'Ziek');
		await unassignTrainer(db, w.coordinator, takenOff, me.id, 'Andere planning');
		await cancelSlot(db, w.coordinator, called, 'Schoolreis');
		advance(20 * 86_400_000 + 4 * 3_600_000); // 21 April, 14:00 in Brussels
		await reportWorkshop(db, me, reported, { outcome: 'given', pupilsPresent: 20, durationMinutes: 50, note: null });

		const page = await myWorkshopsPage(db, me, firstPage);
		expect(page.upcoming.map((s) => [s.id, s.state])).toEqual([
			[kept, 'booked'],
			[dropped, 'cancelled_by_me'],
			[takenOff, 'taken_off'],
			[called, 'slot_cancelled']
		]);
		expect(page.upcoming.find((s) => s.id === called)?.cancelReason).toBe('Schoolreis');
		expect(page.past.map((s) => [s.id, s.toReport, s.outcome])).toEqual([
			[reported, false, 'given'],
			[unreported, true, null]
		]);
		expect((await myToReport(db, me)).map((s) => s.id)).toEqual([unreported]);
		expect((await myWeek(db, me, '2027-05-10')).map((s) => s.id)).toEqual([kept, dropped, takenOff, called]);
		expect(await myWeek(db, me, '2027-05-17')).toEqual([]);
		const home = await trainerHome(db, me);
		expect(home.next.map((s) => s.id)).toEqual([kept]);
		expect(home.toReportCount).toBe(1);
		expect(home.openCount).toBe(2); // the one I cancelled and the one I was taken off are open again
	});

	it('shows one slot to a trainer on it or for whom it is open, with co-trainers and the cancellation deadline; 404 for anyone else', async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const me = await trainer(db, 'an.peeters@weljong.be', w.welJong);
		const colleague = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		const cav = await trainer(db, 'cas.maes@cavaria.be', w.cavaria);
		const pair = await newSlot(
			db,
			w.coordinator,
			w.editionId,
			slotAt(w.north.campusId, '2027-05-12', '09:00', { trainersNeeded: 2, organisationId: w.welJong })
		);
		const theirs = await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-13', '09:00', { organisationId: w.cavaria }));

		expect((await trainerSlotPage(db, me, pair)).canBook).toBe(true);
		await expect(trainerSlotPage(db, me, theirs)).rejects.toBeInstanceOf(NotFoundError);
		await expect(trainerSlotPage(db, me, 999_999)).rejects.toBeInstanceOf(NotFoundError);
		await bookSlot(db, me, pair);
		await bookSlot(db, colleague, pair);
		await expect(trainerSlotPage(db, cav, pair)).rejects.toBeInstanceOf(NotFoundError);

		const view = await trainerSlotPage(db, me, pair);
		expect(view).toMatchObject({ booked: true, canBook: false, canCancel: true, afterDeadline: false, canReport: false, coTrainers: ['bo'] });
		expect(view.deadline.toISOString()).toBe('2027-05-05T07:00:00.000Z');
		advance(Date.parse('2027-05-09T08:00:00Z') - Date.parse('2027-04-01T08:00:00Z'));
		expect(await trainerSlotPage(db, me, pair)).toMatchObject({ canCancel: false, afterDeadline: true });
		await unassignTrainer(db, w.coordinator, pair, colleague.id, null);
		expect(await trainerSlotPage(db, colleague, pair)).toMatchObject({ booked: false, ended: { byMe: false } });
		advance(4 * 86_400_000); // 13 May: started
		expect(await trainerSlotPage(db, me, pair)).toMatchObject({ canCancel: false, afterDeadline: false, canReport: true, report: null });
	});

	it("gives a planner their organisation's open slots, trainers and bookings; refuses anyone else", async () => {
		const db = ctx.db;
		const w = await planningWorld(db);
		const planner = await trainer(db, 'pia.planner@weljong.be', w.welJong, { planner: true });
		const member = await trainer(db, 'bo.claes@weljong.be', w.welJong);
		await trainer(db, 'cas.maes@cavaria.be', w.cavaria);
		const gone = await createUser(db, { email: 'old@weljong.be', roles: ['trainer'], name: 'Oud', organisationId: w.welJong });
		await db.updateTable('users').set({ disabled: 1 }).where('id', '=', gone).execute();
		const forAll = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-12', '09:00'));
		const forUs = await newSlot(db, w.coordinator, w.editionId, slotAt(w.north.campusId, '2027-05-12', '13:00', { organisationId: w.welJong }));
		await newSlot(db, w.coordinator, w.editionId, slotAt(w.south.campusId, '2027-05-13', '09:00', { organisationId: w.cavaria }));

		await expect(plannerPage(db, member, null, firstPage)).rejects.toBeInstanceOf(ForbiddenError);
		const before = await plannerPage(db, planner, null, firstPage);
		expect(before.organisationName).toBe('Wel Jong');
		expect(before.open.map((s) => s.id)).toEqual([forAll, forUs]);
		expect(before.trainers.map((t) => t.displayName)).toEqual(['bo claes', 'pia planner']);
		expect(before.bookings).toEqual([]);

		await assignTrainer(db, planner, forUs, member.id);
		const after = await plannerPage(db, planner, null, firstPage);
		expect(after.open.map((s) => s.id)).toEqual([forAll]);
		expect(after.bookings.map((b) => [b.id, b.trainerName, b.canUnassign])).toEqual([[forUs, 'bo claes', true]]);
	});
});
