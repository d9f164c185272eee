import { beforeEach, describe, expect, it } from 'vitest';
import { isMysql } from '../../src/lib/server/db/dialect-of';
import { toDbTime } from '../../src/lib/server/db/time';
import { enrolClass } from '../../src/lib/server/enrolments/enrolment.service';
import { listProposalCandidates } from '../../src/lib/server/workshops/slots/planning-proposals.repository';
import { placeFromProposal, placementNotice } from '../../src/lib/server/workshops/slots/planning-placement.service';
import { planningPage } from '../../src/lib/server/workshops/slots/planning.service';
import { cancelSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import type { SlotInput } from '../../src/lib/server/workshops/slots/slot-input';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { aClass } from './support/enrolment-fixtures';
import {
	addSlot,
	blockDay,
	campusWithClasses,
	expectRefused,
	rejectionKeys,
	slotAudit,
	slotClassIds,
	workshopWorld,
	type WorkshopWorld
} from './support/workshop-fixtures';

/**
 * Issue 17 point 6: for each class still without a workshop, the planning page
 * proposes the free slots that fit it, best first, and places it with one click.
 * The clock stands on Monday 10 May 2027, 10:00 in Brussels. Campus Centrum has
 * 5A (22 pupils) and 5B (20), Campus Noord 6A (18) and 6B (19); 5C (20) at
 * Centrum prefers Wednesday 12 May morning and Wednesday 19 May afternoon.
 */
const monday = '2027-05-10T08:00:00Z';

describeEachDatabase('planning proposals', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 10 });
	let w: WorkshopWorld;
	let c5: number;
	const centrumSlot = (localDate: string, start: string, end: string, extra: Partial<SlotInput> = {}) =>
		addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, localDate, start, end, { maxPupils: 30, ...extra });
	const page = () => planningPage(ctx.db, w.coordinator, w.editionId, { page: 1, all: true });
	/** The proposed slot ids of one class, best first, as the page shows them. */
	const proposedFor = async (classId: number) => {
		const p = await page();
		const k = p.campuses.flatMap((c) => c.classes).find((x) => x.id === classId);
		return k?.proposals.map((s) => s.slotId);
	};
	const [a5, b5] = [() => w.centrum.classIds[0], () => w.centrum.classIds[1]];

	beforeEach(async () => {
		freezeClock(monday);
		w = await workshopWorld(ctx.db);
		const wishes = [
			{ localDate: '2027-05-19', part: 'pm' as const, field: 'pref1Date' },
			{ localDate: '2027-05-12', part: 'am' as const, field: 'pref2Date' }
		];
		c5 = (await enrolClass(ctx.db, w.centrum.teacher, aClass(w.editionId, w.centrum.campusId, '5C', { pupilCount: 20, preferredHalfDays: wishes }))).classId;
	});

	describe('ranking', () => {
		it('puts a preferred half-day first, then the slot nearest a preferred day, then the earliest; three at most, with why they fit', async () => {
			const started = await centrumSlot('2027-05-10', '09:00', '09:50');
			const tuesday = await centrumSlot('2027-05-11', '09:00', '09:50');
			const wedPm = await centrumSlot('2027-05-12', '13:00', '13:50');
			const friday = await centrumSlot('2027-05-14', '09:00', '09:50');
			const wishPm = await centrumSlot('2027-05-19', '13:00', '13:50', { room: 'Aula' });
			const p = await page();
			const k = p.campuses.flatMap((c) => c.classes).find((x) => x.id === c5)!;
			expect(k.proposals.map((s) => s.slotId)).toEqual([wishPm, wedPm, tuesday]);
			expect(k.proposals.map((s) => s.fit)).toEqual([{ kind: 'half_day' }, { kind: 'other_half', part: 'pm' }, { kind: 'days_away', days: 1 }]);
			expect(k.proposals[0]).toMatchObject({ localDate: '2027-05-19', start: '13:00', end: '13:50', room: 'Aula', maxPupils: 30, freePupils: 30 });
			// Without wishes, the earliest slots still to come (the one that started this morning is gone).
			expect(await proposedFor(a5())).toEqual([tuesday, wedPm, friday]);
			expect(await proposedFor(a5())).not.toContain(started);
		});

		it('counts the places left, and keeps a slot with room next to another class', async () => {
			const slot = await centrumSlot('2027-05-11', '09:00', '09:50', { maxPupils: 45 });
			await setSlotClasses(ctx.db, w.coordinator, slot, [a5()]);
			const k = (await page()).campuses.flatMap((c) => c.classes).find((x) => x.id === b5())!;
			expect(k.proposals.map((s) => [s.slotId, s.freePupils])).toEqual([[slot, 23]]);
		});
	});

	describe('what is left out', () => {
		it('leaves out blocked days, other campuses, cancelled slots and slots of another language', async () => {
			const blocked = await centrumSlot('2027-05-11', '09:00', '09:50');
			await blockDay(ctx.db, w.editionId, '2027-05-11');
			await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '09:00', '09:50', { maxPupils: 30 });
			const cancelled = await centrumSlot('2027-05-12', '10:00', '10:50');
			await cancelSlot(ctx.db, w.coordinator, cancelled, 'Examens');
			await centrumSlot('2027-05-13', '09:00', '09:50', { language: 'en' });
			const fits = await centrumSlot('2027-05-14', '09:00', '09:50');
			expect(await proposedFor(b5())).toEqual([fits]);
			expect(await proposedFor(b5())).not.toContain(blocked);
			// A French-speaking class gets the French slot only.
			const fr = (await enrolClass(ctx.db, w.centrum.teacher, aClass(w.editionId, w.centrum.campusId, '5 Frans', { pupilCount: 15, language: 'fr' }))).classId;
			const french = await centrumSlot('2027-05-18', '09:00', '09:50', { language: 'fr' });
			expect(await proposedFor(fr)).toEqual([french]);
		});

		it('leaves out full slots: too few places for all the pupils, or a slot without maximum that has a class', async () => {
			const small = await centrumSlot('2027-05-11', '09:00', '09:50', { maxPupils: 21 });
			const busy = await centrumSlot('2027-05-12', '09:00', '09:50', { maxPupils: null });
			await setSlotClasses(ctx.db, w.coordinator, busy, [w.centrum.classIds[0]]);
			const exact = await centrumSlot('2027-05-13', '09:00', '09:50', { maxPupils: 20 });
			// 5B (20) fits 21 and exactly 20 places; 5A (22) fits neither and is on the open slot already.
			expect(await proposedFor(b5())).toEqual([small, exact]);
			const empty = await campusWithClasses(ctx.db, w.editionId, { name: 'Campus Heule', teacherEmail: 'an@heule.be', classes: [{ name: '6C', pupils: 24 }] });
			const k = (await page()).campuses.find((c) => c.id === empty.campusId)!;
			expect(k.classes[0].proposals).toEqual([]);
		});

		it("never proposes a slot overlapping one of the class's other workshops", async () => {
			const nine = await centrumSlot('2027-05-11', '09:00', '09:50');
			const overlapping = await centrumSlot('2027-05-11', '09:30', '10:20', { maxPupils: 60 });
			const later = await centrumSlot('2027-05-11', '10:30', '11:20', { maxPupils: 60 });
			await setSlotClasses(ctx.db, w.coordinator, nine, [b5()]);
			// The page no longer lists 5B; the candidate query itself keeps it off an overlapping slot.
			expect(await proposedFor(b5())).toBeUndefined();
			const rows = await listProposalCandidates(ctx.db, w.editionId, [b5()], toDbTime(new Date(monday)));
			expect(rows.map((r) => r.slotId)).toEqual([later]);
			expect(rows.map((r) => r.slotId)).not.toContain(overlapping);
		});

		it('has no proposals for waiting-list or withdrawn classes', async () => {
			await centrumSlot('2027-05-11', '09:00', '09:50');
			await ctx.db.updateTable('classes').set({ status: 'waiting' }).where('id', '=', b5()).execute();
			const rows = await listProposalCandidates(ctx.db, w.editionId, [b5()], toDbTime(new Date(monday)));
			expect(rows).toEqual([]);
			expect(await proposedFor(b5())).toBeUndefined();
		});
	});

	describe('placing', () => {
		it('places the class on the proposed slot: it leaves the list, the slot lists it, the audit log says so', async () => {
			const slot = await centrumSlot('2027-05-12', '09:00', '09:50');
			expect(await proposedFor(c5)).toEqual([slot]);
			await placeFromProposal(ctx.db, w.coordinator, w.editionId, c5, slot);
			expect(await slotClassIds(ctx.db, slot)).toEqual([c5]);
			expect(await proposedFor(c5)).toBeUndefined();
			expect(await slotAudit(ctx.db, slot)).toEqual(['workshop.slot_created', 'workshop.slot_classes_set']);
			expect(await placementNotice(ctx.db, w.editionId, slot, c5)).toEqual({
				className: '5C',
				slotId: slot,
				localDate: '2027-05-12',
				start: '09:00',
				end: '09:50'
			});
			// The proposals for the next class count 5C's pupils: 10 places left, too few for 5A or 5B.
			expect(await proposedFor(b5())).toEqual([]);
		});

		it('refuses, writing nothing, when the slot filled up between the page and the click', async () => {
			const slot = await centrumSlot('2027-05-12', '09:00', '09:50');
			expect(await proposedFor(b5())).toEqual([slot]);
			expect(await proposedFor(a5())).toEqual([slot]);
			await placeFromProposal(ctx.db, w.coordinator, w.editionId, a5(), slot);
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, b5(), slot), 'wsp_error_slot_full');
			// A slot without maximum is taken once a class is on it.
			const open = await centrumSlot('2027-05-13', '09:00', '09:50', { maxPupils: null });
			await placeFromProposal(ctx.db, w.coordinator, w.editionId, c5, open);
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, b5(), open), 'wsp_error_slot_full');
		});

		it('refuses a proposal gone stale: the class planned meanwhile, the day blocked, the slot cancelled or of another language', async () => {
			const first = await centrumSlot('2027-05-12', '09:00', '09:50');
			const second = await centrumSlot('2027-05-12', '09:30', '10:20');
			await placeFromProposal(ctx.db, w.coordinator, w.editionId, b5(), first);
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, b5(), second), 'wsp_error_class_planned');
			const blocked = await centrumSlot('2027-05-14', '09:00', '09:50');
			await blockDay(ctx.db, w.editionId, '2027-05-14');
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, a5(), blocked), 'wsp_error_slot_unfit');
			const english = await centrumSlot('2027-05-18', '09:00', '09:50', { language: 'en' });
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, a5(), english), 'wsp_error_slot_unfit');
			const cancelled = await centrumSlot('2027-05-19', '09:00', '09:50');
			await cancelSlot(ctx.db, w.coordinator, cancelled, 'Examens');
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, a5(), cancelled), 'wsp_error_slot_unfit');
			// A class of another campus is refused by the slot's own rules.
			const noordClass = w.noord.classIds[0];
			const later = await centrumSlot('2027-05-20', '09:00', '09:50');
			await expectRefused(ctx.db, () => placeFromProposal(ctx.db, w.coordinator, w.editionId, noordClass, later), 'wsp_error_slot_unfit');
			await expect(placeFromProposal(ctx.db, w.noord.teacher, w.editionId, a5(), later)).rejects.toMatchObject({ status: 403 });
		});

		it('lets exactly one of two classes that together overflow a slot take it when both are placed at once', async () => {
			for (let round = 0; round < (isMysql(ctx.db) ? 5 : 1); round++) {
				const slot = await centrumSlot('2027-05-12', '09:00', '09:50', { maxPupils: 30 + round });
				const results = await Promise.allSettled([a5(), b5()].map((id) => placeFromProposal(ctx.db, w.coordinator, w.editionId, id, slot)));
				expect(rejectionKeys(results)).toEqual(['wsp_error_slot_full']);
				expect(await slotClassIds(ctx.db, slot)).toHaveLength(1);
				await setSlotClasses(ctx.db, w.coordinator, slot, []);
			}
		});
	});
});
