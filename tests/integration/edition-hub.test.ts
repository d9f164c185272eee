import { beforeEach, expect, it } from 'vitest';
import { editionHub } from '../../src/lib/server/campaigns/edition-hub.service';
import { getOrIssueClassCertificate } from '../../src/lib/server/certificates/certificate.service';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { saveOrder } from '../../src/lib/server/kits/kit-order.service';
import { addLinkMaterial } from '../../src/lib/server/materials/material.service';
import { regenerateFeed } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { cancelSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { useHandle } from '../../src/lib/server/db';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { aClass, teacherAt } from './support/enrolment-fixtures';
import { itemWithStock, wristbands } from './support/kit-fixtures';
import { addSlot, blockDay, workshopEdition, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/**
 * The edition hub's counts and task states, all from one aggregate query (plus
 * the invitations sent): what the coordinator reads on the edition's page before
 * opening any of its areas. The clock stands on 1 April 2027, before the workshops.
 */
describeEachDatabase('edition hub', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;

	beforeEach(async () => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
	});

	const hub = () => editionHub(ctx.db, w.coordinator, w.editionId);
	const states = async () => Object.fromEntries((await hub()).tasks.map((t) => [t.id, t.state]));

	it('counts an edition with nothing in it as zeros, and says which tasks cannot start yet', async () => {
		const empty = await workshopEdition(ctx.db, { status: 'draft', year: 2028 });
		const h = await editionHub(ctx.db, w.coordinator, empty);
		expect(h.edition).toMatchObject({ id: empty, status: 'draft', phase: 'draft', campaignName: 'PAARS', campaignColour: null });
		expect(Object.values(h.counts).every((n) => n === 0)).toBe(true);
		expect(Object.fromEntries(h.tasks.map((t) => [t.id, t.state]))).toEqual({
			blockedDays: 'todo',
			materials: 'todo',
			kits: 'todo',
			invitations: 'cannot_start',
			enrolments: 'cannot_start',
			workshops: 'cannot_start',
			calendar: 'todo',
			certificates: 'cannot_start',
			report: null,
			impact: null
		});
		// Enrolling on a teacher's behalf is offered only for a published edition.
		expect(h.tasks.map((t) => t.id)).not.toContain('enrol');
	});

	it('leaves an archived edition nothing to start: only what was done keeps its state', async () => {
		await blockDay(ctx.db, w.editionId, '2027-05-06', 'O.L.H. Hemelvaart', 'public_holiday');
		await ctx.db.updateTable('editions').set({ status: 'archived' }).where('id', '=', w.editionId).execute();
		expect(await states()).toEqual({
			blockedDays: 'done',
			materials: null,
			kits: null,
			invitations: null,
			enrolments: 'done',
			workshops: null,
			calendar: null,
			certificates: null,
			report: null,
			impact: null
		});
	});

	it('counts classes by status, their pupils and campuses; a withdrawn class is counted apart (it keeps the edition from going back to draft)', async () => {
		const extra = await teacherAt(ctx.db, 'an@elders.be');
		const late = await enrolClass(ctx.db, extra.actor, aClass(w.editionId, extra.campusId, '6C', { pupilCount: 30 }));
		await withdrawClass(ctx.db, extra.actor, late.classId);
		const h = await hub();
		expect(h.counts).toMatchObject({ enrolled: 4, waiting: 0, withdrawn: 1, pupils: 22 + 20 + 18 + 19, campuses: 2 });
		expect(h.tasks.find((t) => t.id === 'enrol')).toMatchObject({ href: `/coordinator/editions/${w.editionId}/enrol`, state: null });
		expect(await states()).toMatchObject({ enrolments: 'in_progress', invitations: 'todo', workshops: 'todo' });
	});

	it('counts slots, the classes in them, slots without a trainer and slots over but unreported; a cancelled slot counts for nothing', async () => {
		const morning = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, morning, w.centrum.classIds);
		const noord = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '13:00', '13:50');
		await setSlotClasses(ctx.db, w.coordinator, noord, [w.noord.classIds[0]]);
		const dropped = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-13', '09:00', '09:50');
		await setSlotClasses(ctx.db, w.coordinator, dropped, [w.noord.classIds[1]]);
		await cancelSlot(ctx.db, w.coordinator, dropped, 'Ziekte');
		await bookSlot(ctx.db, w.anna, morning);

		let h = await hub();
		expect(h.counts).toMatchObject({ slots: 2, classesPlanned: 3, slotsNeedingTrainers: 1, slotsUnreported: 0, classesGiven: 0 });
		expect(await states()).toMatchObject({ workshops: 'attention', certificates: 'cannot_start' });

		// The day after: the morning slot was given and reported, the afternoon one (no trainer) is over and unreported.
		freezeClock('2027-05-13T08:00:00Z');
		await reportWorkshop(ctx.db, w.anna, morning, { outcome: 'given', pupilsPresent: 40, durationMinutes: 50, note: null });
		h = await hub();
		expect(h.counts).toMatchObject({ slotsNeedingTrainers: 0, slotsUnreported: 1, classesGiven: 2, certificates: 0 });
		expect(await states()).toMatchObject({ workshops: 'attention', certificates: 'todo' });

		await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, w.centrum.classIds[0]);
		expect((await hub()).counts).toMatchObject({ certificates: 1, classCertificates: 1 });
		expect(await states()).toMatchObject({ certificates: 'in_progress' });
		await getOrIssueClassCertificate(ctx.db, w.centrum.teacher, w.centrum.classIds[1]);
		expect(await states()).toMatchObject({ certificates: 'done' });
	});

	it('counts blocked days, live materials, kit items running low, orders to approve and the coordinator’s own calendar subscription', async () => {
		await blockDay(ctx.db, w.editionId, '2027-05-06', 'O.L.H. Hemelvaart', 'public_holiday');
		await blockDay(ctx.db, w.editionId, '2027-05-17', 'Pinkstermaandag', 'public_holiday');
		await addLinkMaterial(ctx.db, w.coordinator, w.editionId, {
			titleNl: 'Video',
			titleEn: 'Video',
			descriptionNl: null,
			descriptionEn: null,
			language: 'nl',
			levels: ['lager'],
			sortOrder: 1,
			url: 'https://video.example.org/sam'
		});
		const bands = await itemWithStock(ctx.db, w.coordinator, w.editionId, wristbands, 1000);
		let h = await hub();
		expect(h.counts).toMatchObject({ blockedDays: 2, materials: 1, kitItems: 1, kitItemsLow: 0, kitOrders: 0, calendarFeeds: 0 });
		expect(await states()).toMatchObject({ blockedDays: 'done', materials: 'done', kits: 'done', calendar: 'todo' });

		await itemWithStock(ctx.db, w.coordinator, w.editionId, { ...wristbands, nameNl: 'Affiches', nameEn: 'Posters' }, 0);
		const order = { editionId: w.editionId, delivery: 'pickup' as const, remarks: null, lines: [{ itemId: bands, quantity: 40 }] };
		await saveOrder(ctx.db, w.centrum.teacher, { ...order, campusId: w.centrum.campusId });
		await saveOrder(ctx.db, w.noord.teacher, { ...order, campusId: w.noord.campusId, submit: false });
		await regenerateFeed(ctx.db, w.coordinator, { editionId: w.editionId });
		h = await hub();
		// A draft order is not the coordinator's yet.
		expect(h.counts).toMatchObject({ kitItems: 2, kitItemsLow: 1, kitOrders: 1, kitOrdersToApprove: 1, calendarFeeds: 1 });
		expect(await states()).toMatchObject({ kits: 'attention', calendar: 'done' });
	});
});
