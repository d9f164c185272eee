import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Database } from '../../src/lib/server/db/schema';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { ValidationError } from '../../src/lib/server/errors';
import { setPlanner } from '../../src/lib/server/users/planner.service';
import { assignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { planningPage } from '../../src/lib/server/workshops/slots/planning.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, createSlot, createSlotsBulk, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import type { SlotInput } from '../../src/lib/server/workshops/slots/slot-input';
import { slotListPage, slotWeekPage } from '../../src/lib/server/workshops/slots/slot-list.service';
import { slotPage } from '../../src/lib/server/workshops/slots/slot-page.service';
import { parseSlotFilter } from '../../src/lib/schemas/slot-filter';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { createOrganisation, createUser } from './support/fixtures';

/**
 * The coordinator's read side of workshop planning: the slot list and its
 * filters, the week view, a slot's page and the planning view per campus.
 * The clock stands on Monday 10 May 2027, 10:00 in Brussels.
 */
const monday = '2027-05-10T08:00:00Z';

const slotInput = (campusId: number, localDate: string, startTime: string, endTime: string, extra: Partial<SlotInput> = {}): SlotInput => ({
	campusId,
	localDate,
	startTime,
	endTime,
	room: null,
	language: 'nl',
	trainersNeeded: 1,
	maxPupils: null,
	organisationId: null,
	trainerNote: null,
	...extra
});

async function trainer(db: Kysely<Database>, email: string, name: string, organisationId: number) {
	return createUser(db, { email, roles: ['trainer'], name, organisationId });
}

/** Two campuses of one school year's edition, their enrolled classes, two organisations and three trainers. */
async function world(db: Kysely<Database>) {
	const coordinator = await coordinatorActor(db);
	const editionId = await createEdition(db);
	const welJong = await createOrganisation(db, 'Wel Jong');
	const cavaria = await createOrganisation(db, 'çavaria');
	const a = await teacherAt(db, 'lies@school.be');
	const b = await teacherAt(db, 'tom@school.be');
	const enrol = async (
		t: { actor: Actor; campusId: number },
		name: string,
		pupils: number,
		preferredHalfDays: { localDate: string; part: 'am' | 'pm' }[] = []
	) =>
		(
			await enrolClass(
				db,
				t.actor,
				aClass(editionId, t.campusId, name, { pupilCount: pupils, preferredHalfDays: preferredHalfDays.map((d, i) => ({ ...d, field: `pref${i + 1}Date` })) })
			)
		).classId;
	const classes = {
		a5: await enrol(a, '5A', 22),
		a5b: await enrol(a, '5B', 20, [
			{ localDate: '2027-05-19', part: 'pm' },
			{ localDate: '2027-05-12', part: 'am' }
		]),
		a6: await enrol(a, '6A', 18),
		b5: await enrol(b, '5C', 25)
	};
	const robin = await trainer(db, 'robin@weljong.be', 'Robin Claeys', welJong);
	const noor = await trainer(db, 'noor@weljong.be', 'Noor De Smet', welJong);
	const sami = await trainer(db, 'sami@cavaria.be', 'Sami Benali', cavaria);
	return { coordinator, editionId, welJong, cavaria, a: a.campusId, b: b.campusId, classes, robin, noor, sami };
}
type World = Awaited<ReturnType<typeof world>>;

/**
 * Slots around the week of 10 May, made before that week (assigning needs a
 * slot still to come), then the clock moves to Monday 10 May:
 * past (unreported), past (reported), Wednesday needing a second trainer,
 * Wednesday full, Thursday cancelled, Saturday without trainer.
 */
async function slots(db: Kysely<Database>, w: World) {
	const move = freezeClock('2027-05-01T08:00:00Z');
	const c = w.coordinator;
	const s = {
		pastOpen: await createSlot(db, c, w.editionId, slotInput(w.a, '2027-05-06', '09:00', '09:50')),
		pastGiven: await createSlot(db, c, w.editionId, slotInput(w.a, '2027-05-07', '09:00', '09:50')),
		needsTwo: await createSlot(
			db,
			c,
			w.editionId,
			slotInput(w.a, '2027-05-12', '09:00', '09:50', { trainersNeeded: 2, maxPupils: 50, organisationId: w.welJong, room: 'Aula' })
		),
		full: await createSlot(db, c, w.editionId, slotInput(w.b, '2027-05-12', '10:00', '10:50')),
		cancelled: await createSlot(db, c, w.editionId, slotInput(w.b, '2027-05-13', '13:00', '13:50')),
		saturday: await createSlot(db, c, w.editionId, slotInput(w.a, '2027-05-15', '10:00', '10:50'))
	};
	await assignTrainer(db, c, s.pastGiven, w.noor);
	await assignTrainer(db, c, s.needsTwo, w.robin);
	await assignTrainer(db, c, s.full, w.sami);
	await setSlotClasses(db, c, s.needsTwo, [w.classes.a5]);
	await setSlotClasses(db, c, s.full, [w.classes.b5]);
	await cancelSlot(db, c, s.cancelled, 'School op uitstap');
	move(new Date(monday).getTime() - new Date('2027-05-01T08:00:00Z').getTime());
	await reportWorkshop(db, c, s.pastGiven, { outcome: 'given', pupilsPresent: 21, durationMinutes: 50, note: null });
	return s;
}

const query = (params: Record<string, string> = {}) => parseSlotFilter(new URLSearchParams(params));

describeEachDatabase('coordinator workshop views', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: World;
	let s: Awaited<ReturnType<typeof slots>>;

	beforeEach(async () => {
		w = await world(ctx.db);
		s = await slots(ctx.db, w);
	});

	const list = (params: Record<string, string> = {}) => slotListPage(ctx.db, w.coordinator, w.editionId, query(params));
	const ids = async (params: Record<string, string> = {}) => (await list(params)).slots.map((r) => r.id);

	it('lists every slot in time order with its campus, classes, trainers and state', async () => {
		const page = await list();
		expect(page.total).toBe(6);
		expect(page.slots.map((r) => r.id)).toEqual([s.pastOpen, s.pastGiven, s.needsTwo, s.full, s.cancelled, s.saturday]);
		const needsTwo = page.slots[2];
		expect(needsTwo).toMatchObject({
			localDate: '2027-05-12',
			start: '09:00',
			end: '09:50',
			room: 'Aula',
			trainersNeeded: 2,
			trainersBooked: 1,
			offeredTo: 'Wel Jong',
			state: 'planned'
		});
		expect(needsTwo.classes).toEqual([{ id: w.classes.a5, name: '5A', grade: 'L5', pupilCount: 22 }]);
		expect(needsTwo.trainers.map((t) => [t.displayName, t.organisationName])).toEqual([['Robin Claeys', 'Wel Jong']]);
		expect(page.slots.map((r) => r.state)).toEqual(['unreported', 'given', 'planned', 'planned', 'cancelled', 'planned']);
		expect(page.unreported).toBe(1);
		expect(page.campuses.map((c) => c.id).sort()).toEqual([w.a, w.b].sort());
	});

	it('filters by campus, by a range of days, on slots needing trainers and on unreported ones', async () => {
		expect(await ids({ campus: String(w.b) })).toEqual([s.full, s.cancelled]);
		expect(await ids({ from: '2027-05-12', to: '2027-05-13' })).toEqual([s.needsTwo, s.full, s.cancelled]);
		// Past and cancelled slots no longer need anyone.
		expect(await ids({ needs: '1' })).toEqual([s.needsTwo, s.saturday]);
		expect(await ids({ unreported: '1' })).toEqual([s.pastOpen]);
		expect(await ids({ campus: String(w.a), needs: '1', to: '2027-05-14' })).toEqual([s.needsTwo]);
	});

	it('ignores nonsense in the address instead of failing', async () => {
		expect(await ids({ campus: 'abc', from: '2027-02-30', needs: 'maybe', page: '-3' })).toHaveLength(6);
	});

	it('pages in SQL, fifty to a page, and shows the last page for a page past the end', async () => {
		for (const day of ['2027-05-25', '2027-05-26', '2027-05-27', '2027-05-28']) {
			await createSlotsBulk(ctx.db, w.coordinator, w.editionId, {
				...slotInput(w.b, day, '', ''),
				firstStart: '08:00',
				count: 12,
				durationMinutes: 30,
				gapMinutes: 5
			});
		}
		const first = await list();
		expect([first.total, first.pages, first.slots.length]).toEqual([54, 2, 50]);
		const last = await list({ page: '9' });
		expect([last.page, last.slots.length]).toEqual([2, 4]);
		expect(last.slots.at(-1)!.start).toBe('14:25');
	});

	it('shows a week Monday to Friday, with Saturday only because a slot falls on it', async () => {
		const week = await slotWeekPage(ctx.db, w.coordinator, w.editionId, query({ view: 'week', week: '2027-05-13' }));
		expect(week.monday).toBe('2027-05-10');
		expect(week.days.map((d) => d.date)).toEqual(['2027-05-10', '2027-05-11', '2027-05-12', '2027-05-13', '2027-05-14', '2027-05-15']);
		expect(week.days.map((d) => d.slots.map((x) => x.id))).toEqual([[], [], [s.needsTwo, s.full], [s.cancelled], [], [s.saturday]]);
		const previous = await slotWeekPage(ctx.db, w.coordinator, w.editionId, query({ view: 'week', week: '2027-05-03' }));
		expect(previous.days.map((d) => d.date)).toEqual(['2027-05-03', '2027-05-04', '2027-05-05', '2027-05-06', '2027-05-07']);
		// Without ?week= the week of today; filters still apply.
		const today = await slotWeekPage(ctx.db, w.coordinator, w.editionId, query({ view: 'week', campus: String(w.b) }));
		expect(today.monday).toBe('2027-05-10');
		expect(today.days.flatMap((d) => d.slots.map((x) => x.id))).toEqual([s.full, s.cancelled]);
	});

	it("shows a slot's classes (and which are already elsewhere), booked and eligible trainers, report and history", async () => {
		await setSlotClasses(ctx.db, w.coordinator, s.saturday, [w.classes.a5b]);
		const page = await slotPage(ctx.db, w.coordinator, w.editionId, s.needsTwo);
		expect(page.slot).toMatchObject({ campusName: 'Campus lies@school.be', address: 'Grote Markt 1, 8500 Kortrijk', state: 'planned', offeredTo: 'Wel Jong' });
		expect(page.classes.map((c) => [c.name, c.inSlot, c.otherSlots.map((o) => [o.id, o.localDate, o.start])])).toEqual([
			['5A', true, []],
			['5B', false, [[s.saturday, '2027-05-15', '10:00']]],
			['6A', false, []]
		]);
		expect(page.trainers.map((t) => t.displayName)).toEqual(['Robin Claeys']);
		// Offered to Wel Jong: only its trainers who are not on the slot yet.
		expect(page.eligibleTrainers.map((t) => t.displayName)).toEqual(['Noor De Smet']);
		expect(page.values).toMatchObject({
			campusId: String(w.a),
			localDate: '2027-05-12',
			startTime: '09:00',
			endTime: '09:50',
			trainersNeeded: '2',
			maxPupils: '50',
			organisationId: String(w.welJong),
			room: 'Aula'
		});
		expect(page.history.map((h) => [h.action, h.trainerName])).toEqual([
			['workshop.slot_classes_set', null],
			['workshop.trainer_assigned', 'Robin Claeys'],
			['workshop.slot_created', null]
		]);
		const given = await slotPage(ctx.db, w.coordinator, w.editionId, s.pastGiven);
		expect(given.report).toMatchObject({ outcome: 'given', pupilsPresent: 21, durationMinutes: 50, reporterName: 'Griet' });
		const cancelled = await slotPage(ctx.db, w.coordinator, w.editionId, s.cancelled);
		expect(cancelled.history[0]).toMatchObject({ action: 'workshop.slot_cancelled', reason: 'School op uitstap' });
	});

	it('refuses a slot of another edition, and anyone who is not a coordinator', async () => {
		const other = await createEdition(ctx.db, { year: 2028 });
		await expect(slotPage(ctx.db, w.coordinator, other, s.full)).rejects.toMatchObject({ status: 404 });
		await expect(slotListPage(ctx.db, { id: w.robin, displayName: 'Robin', roles: ['trainer'] }, w.editionId, query())).rejects.toMatchObject({ status: 403 });
	});

	describe('planning view', () => {
		it("lists per campus the enrolled classes without a scheduled slot, with the teacher's preferred half-days", async () => {
			// A cancelled slot does not count as planned.
			const later = await createSlot(ctx.db, w.coordinator, w.editionId, slotInput(w.a, '2027-05-20', '09:00', '09:50'));
			await setSlotClasses(ctx.db, w.coordinator, later, [w.classes.a6]);
			await cancelSlot(ctx.db, w.coordinator, later, 'Examens');
			const p = await planningPage(ctx.db, w.coordinator, w.editionId, { page: 1, all: false });
			// Campus B's only class is planned: it is left out unless asked for.
			expect(p.campuses.map((c) => c.id)).toEqual([w.a]);
			const a = p.campuses[0];
			expect([a.enrolled, a.unplanned, a.classes.length]).toEqual([3, 2, 2]);
			expect(a.classes.map((c) => [c.name, c.pupilCount, c.preferred])).toEqual([
				[
					'5B',
					20,
					[
						{ date: '2027-05-12', part: 'am' },
						{ date: '2027-05-19', part: 'pm' }
					]
				],
				['6A', 18, []]
			]);
			expect(a.classes[0].grade).toBe('L5');
		});

		it('shows the slots still to come with room for pupils, and every campus on request', async () => {
			const p = await planningPage(ctx.db, w.coordinator, w.editionId, { page: 1, all: true });
			expect(p.total).toBe(2);
			const [a, b] = [p.campuses.find((c) => c.id === w.a)!, p.campuses.find((c) => c.id === w.b)!];
			// 22 of 50 pupils taken; the Saturday slot has no maximum and no class yet. Past slots are left out.
			expect(a.slots.map((x) => [x.id, x.freePupils])).toEqual([
				[s.needsTwo, 28],
				[s.saturday, null]
			]);
			// The full slot has a class and no maximum; the cancelled one does not count.
			expect(b.slots).toEqual([]);
			expect([b.enrolled, b.unplanned, b.classes]).toEqual([1, 0, []]);
		});
	});

	describe('planner flag', () => {
		it('marks a trainer with an organisation as its planner, in the audit log', async () => {
			await setPlanner(ctx.db, w.coordinator, w.robin, true);
			const row = await ctx.db.selectFrom('users').select('planner').where('id', '=', w.robin).executeTakeFirstOrThrow();
			expect(row.planner).toBe(1);
			await setPlanner(ctx.db, w.coordinator, w.robin, false);
			const log = await ctx.db
				.selectFrom('auditLog')
				.select(['action', 'afterJson'])
				.where('entityId', '=', String(w.robin))
				.where('action', '=', 'user.planner_set')
				.orderBy('id')
				.execute();
			expect(log.map((l) => JSON.parse(l.afterJson!).planner)).toEqual([1, 0]);
		});

		it('refuses anyone who is not a trainer with an organisation', async () => {
			const teacher = await ctx.db.selectFrom('users').select('id').where('email', '=', 'lies@school.be').executeTakeFirstOrThrow();
			await expect(setPlanner(ctx.db, w.coordinator, teacher.id, true)).rejects.toBeInstanceOf(ValidationError);
			const loner = await createUser(ctx.db, { email: 'solo@example.org', roles: ['trainer'], name: 'Solo' });
			await expect(setPlanner(ctx.db, w.coordinator, loner, true)).rejects.toMatchObject({ messageKey: 'wsa_error_planner_not_trainer' });
			expect(await ctx.db.selectFrom('auditLog').select('id').where('action', '=', 'user.planner_set').execute()).toEqual([]);
		});
	});

	it('keeps time on the Brussels clock across the change to winter time', async () => {
		// 31 October 2027: a slot at 09:00 local is 08:00 UTC.
		await ctx.db.updateTable('editions').set({ workshopEndsOn: '2027-11-30' }).where('id', '=', w.editionId).execute();
		const id = await createSlot(ctx.db, w.coordinator, w.editionId, slotInput(w.a, '2027-10-31', '09:00', '09:50'));
		const row = (await list({ from: '2027-10-31' })).slots.find((r) => r.id === id)!;
		expect([row.start, row.end]).toEqual(['09:00', '09:50']);
	});
});
