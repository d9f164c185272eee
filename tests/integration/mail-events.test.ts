import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/actor';
import { classCertificateEligible } from '../../src/lib/server/certificates/certificate-download';
import { publicOrigin } from '../../src/lib/server/config';
import type { Database } from '../../src/lib/server/db/schema';
import { nowDb } from '../../src/lib/server/db/time';
import { forgetCachedSettings } from '../../src/lib/server/settings/settings.service';
import { enrolClass, withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { approveOrder, handOver, markPacked } from '../../src/lib/server/kits/kit-order-flow.service';
import { saveOrder, type OrderInput } from '../../src/lib/server/kits/kit-order.service';
import { mailFromAddress } from '../../src/lib/server/mail/mail-from';
import { assignTrainer, bookSlot, cancelBooking, unassignTrainer } from '../../src/lib/server/workshops/trainers/booking.service';
import { buildFeedCalendar } from '../../src/lib/server/workshops/calendar/calendar-ics';
import { regenerateFeed, resolveFeedToken } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { aClass, coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';
import { count, createCampus, createUser } from './support/fixtures';
import { campusWithPupils, itemWithStock, posters, wristbands } from './support/kit-fixtures';
import { addSlot, slotAt, slotRow, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

type Db = Kysely<Database>;

/** The mails of one template for one address, oldest first. */
const mails = (db: Db, recipient: string, template: string) =>
	db.selectFrom('mailOutbox').selectAll().where('recipient', '=', recipient).where('template', '=', template).orderBy('id').execute();

async function setCity(db: Db) {
	await db
		.insertInto('settings')
		.values({ key: 'city_name', value: null, valueNl: 'Kortrijk', valueEn: 'Kortrijk', updatedAt: nowDb(), updatedBy: null })
		.execute();
	forgetCachedSettings();
}

/** Runs a refused action and checks that it wrote no mail at all. */
async function refusedWithoutMail(db: Db, action: () => Promise<unknown>, messageKey: string) {
	const before = await count(db, 'mailOutbox');
	await expect(action()).rejects.toMatchObject({ messageKey });
	expect(await count(db, 'mailOutbox')).toBe(before);
}

describeEachDatabase('mail events', (dialect) => {
	const ctx = useDatabase(dialect);

	describe('a withdrawn class', () => {
		it('tells the teacher who enrolled it, as a confirmation when they did it, naming the coordinator otherwise', async () => {
			await setCity(ctx.db);
			const editionId = await createEdition(ctx.db, { maxClasses: 1 });
			const coordinator = await coordinatorActor(ctx.db);
			const lies = await teacherAt(ctx.db, 'lies@school.be');
			const campus = await createCampus(ctx.db, { name: 'Campus Noord', levels: ['lager'] });
			const tomId = await createUser(ctx.db, { email: 'tom@school.be', roles: ['teacher'], campusId: campus.id, name: 'Tom', locale: 'en' });
			const tom: Actor = { id: tomId, displayName: 'Tom', roles: ['teacher'] };
			const a = await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'));
			const b = await enrolClass(ctx.db, tom, aClass(editionId, campus.id, '6B'));
			expect(b.status).toBe('waiting');

			await refusedWithoutMail(ctx.db, () => withdrawClass(ctx.db, tom, a.classId), 'error_not_your_class');
			await withdrawClass(ctx.db, lies.actor, a.classId);
			const [own] = await mails(ctx.db, 'lies@school.be', 'class_withdrawn');
			expect(own).toMatchObject({ locale: 'nl', subject: 'Uitgeschreven: 5A voor PAARS 2027 · Kortrijk' });
			expect(own.bodyText).toContain('Klas 5A van Testschool – Campus lies@school.be is uitgeschreven voor PAARS 2027.');
			expect(own.bodyText).toContain('Je deed dit zelf.');
			expect(own.bodyText).toContain(`${publicOrigin()}/teacher`);
			await refusedWithoutMail(ctx.db, () => withdrawClass(ctx.db, lies.actor, a.classId), 'error_class_withdrawn');

			// 6B was promoted by 5A's withdrawal; a coordinator now withdraws it.
			await withdrawClass(ctx.db, coordinator, b.classId);
			const [byCoordinator] = await mails(ctx.db, 'tom@school.be', 'class_withdrawn');
			expect(byCoordinator).toMatchObject({ locale: 'en', subject: 'Withdrawn: 6B for PAARS 2027 · Kortrijk' });
			expect(byCoordinator.bodyText).toContain('This was done by Griet, coordinator of the campaign.');
			expect(await count(ctx.db, 'mailOutbox')).toBe(2 + 2 + 1); // two enrolments, two withdrawals, one promotion
		});

		it('says a class left the waiting list when it was waiting', async () => {
			const editionId = await createEdition(ctx.db, { maxClasses: 1 });
			const lies = await teacherAt(ctx.db, 'lies@school.be');
			await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5A'));
			const waiting = await enrolClass(ctx.db, lies.actor, aClass(editionId, lies.campusId, '5B'));
			await withdrawClass(ctx.db, lies.actor, waiting.classId);
			const [mail] = await mails(ctx.db, 'lies@school.be', 'class_withdrawn');
			expect(mail.subject).toBe('Uitgeschreven: 5B voor PAARS 2027 · Stad');
			expect(mail.bodyText).toContain('Klas 5B van Testschool – Campus lies@school.be staat niet meer op de wachtlijst voor PAARS 2027.');
		});
	});

	describe('a kit order', () => {
		async function setting(opts: { teacherLocale?: 'en' } = {}) {
			const coordinator = await coordinatorActor(ctx.db);
			const editionId = await createEdition(ctx.db);
			const bands = await itemWithStock(ctx.db, coordinator, editionId, wristbands, 1000);
			const poster = await itemWithStock(ctx.db, coordinator, editionId, posters, 3);
			const campus = await campusWithPupils(ctx.db, editionId, 'an@school.be', [22, 19]);
			if (opts.teacherLocale) await ctx.db.updateTable('users').set({ locale: opts.teacherLocale }).where('id', '=', campus.actor.id).execute();
			const order = (lines: [number, number][], extra: Partial<OrderInput> = {}): OrderInput => ({
				editionId,
				campusId: campus.campusId,
				delivery: 'pickup',
				remarks: null,
				lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })),
				...extra
			});
			return { coordinator, bands, poster, campus, order };
		}

		it('tells the teacher who placed it when it is approved, ready for pick-up and handed over, and not when a step is refused', async () => {
			await setCity(ctx.db);
			const { coordinator, bands, poster, campus, order } = await setting();
			const id = await saveOrder(
				ctx.db,
				campus.actor,
				order([
					[bands, 46],
					[poster, 5]
				])
			);
			expect(await count(ctx.db, 'mailOutbox')).toBe(2); // the two enrolments only
			await refusedWithoutMail(ctx.db, () => markPacked(ctx.db, coordinator, id), 'kit_error_pack_not_approved');
			await refusedWithoutMail(ctx.db, () => approveOrder(ctx.db, coordinator, id), 'kit_error_out_of_stock'); // 5 posters, 3 in stock
			await saveOrder(
				ctx.db,
				campus.actor,
				order(
					[
						[bands, 46],
						[poster, 3]
					],
					{ orderId: id }
				)
			);
			await approveOrder(ctx.db, coordinator, id);
			await refusedWithoutMail(ctx.db, () => approveOrder(ctx.db, coordinator, id), 'kit_error_approve_not_submitted');
			await markPacked(ctx.db, coordinator, id);
			await refusedWithoutMail(ctx.db, () => handOver(ctx.db, coordinator, id, { handedOverOn: '2027-02-30', receivedBy: 'An' }), 'kit_error_date_invalid');
			await handOver(ctx.db, coordinator, id, { handedOverOn: '2027-03-02', receivedBy: 'An Smet' });

			const sent = await mails(ctx.db, 'an@school.be', 'kit_order');
			const campusName = `Testschool – Campus an@school.be`;
			expect(sent.map((s) => s.subject)).toEqual([
				`Bestelling goedgekeurd: campagnepakket voor ${campusName} · Kortrijk`,
				`Klaar: campagnepakket voor ${campusName} · Kortrijk`,
				`Overhandigd: campagnepakket voor ${campusName} · Kortrijk`
			]);
			expect(sent.map((s) => JSON.parse(s.paramsJson).event)).toEqual(['approved', 'ready', 'handed_over']);
			expect(sent[0].bodyText).toContain('Je haalt het af in het stadhuis.');
			expect(sent[0].bodyText).toContain('Inhoud: 46 × Paarse polsbandjes, 3 × Affiches');
			expect(sent[1].bodyText).toContain('Je kunt het afhalen in het stadhuis.');
			expect(sent[2].bodyText).toContain('is op 2 maart 2027 overhandigd aan An Smet.');
			for (const s of sent) expect(s.bodyText).toContain(`${publicOrigin()}/teacher/kit?campus=${campus.campusId}`);
		});

		it('tells an English teacher in English where a delivery goes; an order a coordinator placed mails nobody', async () => {
			const { coordinator, bands, campus, order } = await setting({ teacherLocale: 'en' });
			const id = await saveOrder(ctx.db, campus.actor, order([[bands, 40]], { delivery: 'delivery' }));
			await approveOrder(ctx.db, coordinator, id);
			await markPacked(ctx.db, coordinator, id);
			const sent = await mails(ctx.db, 'an@school.be', 'kit_order');
			expect(sent.map((s) => [s.locale, s.subject])).toEqual([
				['en', 'Order approved: campaign kit for Testschool – Campus an@school.be · City'],
				['en', 'Packed: campaign kit for Testschool – Campus an@school.be · City']
			]);
			expect(sent[1].bodyText).toContain('We will deliver it at the campus soon: Grote Markt 1, 8500 Kortrijk.');

			const supplementary = await saveOrder(ctx.db, coordinator, order([[bands, 6]]));
			const before = await count(ctx.db, 'mailOutbox');
			await approveOrder(ctx.db, coordinator, supplementary);
			expect(await count(ctx.db, 'mailOutbox')).toBe(before);
		});
	});

	describe('a certificate that becomes available', () => {
		let w: WorkshopWorld;
		const given = { outcome: 'given' as const, pupilsPresent: 40, durationMinutes: 50, note: null };
		beforeEach(async () => {
			freezeClock('2027-04-01T08:00:00Z');
			w = await workshopWorld(ctx.db);
		});

		it('mails each class of a workshop reported given once, when its teacher may download, and never again for that class', async () => {
			await setCity(ctx.db);
			const [a5, b5] = w.centrum.classIds;
			const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-11', '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, slot, [a5, b5]);
			await bookSlot(ctx.db, w.anna, slot);
			const lies = { ...w.centrum.teacher };
			expect(await classCertificateEligible(ctx.db, lies, a5)).toBe(false);

			freezeClock('2027-05-11T07:00:00Z');
			await refusedWithoutMail(ctx.db, () => reportWorkshop(ctx.db, w.anna, slot, given), 'ws_error_report_too_early');
			freezeClock('2027-05-11T09:00:00Z');
			await reportWorkshop(ctx.db, w.anna, slot, { outcome: 'not_given', notGivenReason: 'class_absent', note: null });
			expect(await mails(ctx.db, 'lies@school.be', 'certificate_available')).toEqual([]);

			await reportWorkshop(ctx.db, w.anna, slot, given);
			expect(await classCertificateEligible(ctx.db, lies, a5)).toBe(true);
			const sent = await mails(ctx.db, 'lies@school.be', 'certificate_available');
			expect(sent.map((s) => [s.locale, s.subject])).toEqual([
				['nl', 'Attest beschikbaar: 5A (PAARS 2027) · Kortrijk'],
				['nl', 'Attest beschikbaar: 5B (PAARS 2027) · Kortrijk']
			]);
			expect(sent[0].bodyText).toContain(`Download het attest: ${publicOrigin()}/teacher/classes/${a5}`);
			expect(sent[1].bodyText).toContain(`${publicOrigin()}/teacher/classes/${b5}`);

			// Corrections, and a second given workshop of 5A, add nothing.
			await reportWorkshop(ctx.db, w.coordinator, slot, { outcome: 'not_given', notGivenReason: 'other', note: null });
			await reportWorkshop(ctx.db, w.coordinator, slot, { ...given, pupilsPresent: 41 });
			freezeClock('2027-04-01T08:00:00Z');
			const second = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-18', '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, second, [a5]);
			await bookSlot(ctx.db, w.anna, second);
			freezeClock('2027-05-18T09:00:00Z');
			await reportWorkshop(ctx.db, w.anna, second, given);
			expect(await mails(ctx.db, 'lies@school.be', 'certificate_available')).toHaveLength(2);
		});

		it("writes in the teacher's language and leaves out a class withdrawn from the workshop's edition", async () => {
			const [a6, b6] = w.noord.classIds;
			const slot = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-11', '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, slot, [a6, b6]);
			await bookSlot(ctx.db, w.ben, slot);
			await withdrawClass(ctx.db, w.coordinator, b6);
			freezeClock('2027-05-11T09:00:00Z');
			await reportWorkshop(ctx.db, w.ben, slot, given);
			const sent = await mails(ctx.db, 'tom@school.be', 'certificate_available');
			expect(sent.map((s) => [s.locale, s.subject])).toEqual([['en', 'Certificate available: 6A (PAARS 2027) · City']]);
			expect(sent[0].bodyText).toContain('The workshop of class 6A of Testschool – Campus Noord has been given.');
		});
	});

	describe('the invitation on workshop mails', () => {
		let w: WorkshopWorld;
		beforeEach(async () => {
			freezeClock('2027-04-01T08:00:00Z');
			w = await workshopWorld(ctx.db);
		});

		/** The last workshop mail to an address, with its attachment parsed by ical.js. */
		async function invitation(recipient: string) {
			const row = (await mails(ctx.db, recipient, 'workshop')).at(-1)!;
			const calendar = new ICAL.Component(ICAL.parse(row.calendarIcs!));
			const [event, ...more] = calendar.getAllSubcomponents('vevent');
			expect(more).toEqual([]);
			const text = (name: string) => String(event.getFirstPropertyValue(name));
			const time = (name: string) => event.getFirstPropertyValue(name) as unknown as { toJSDate(): Date; zone: { tzid: string } | null };
			return {
				row,
				method: String(calendar.getFirstPropertyValue('method')),
				uid: text('uid'),
				sequence: Number(event.getFirstPropertyValue('sequence')),
				status: text('status'),
				start: time('dtstart').toJSDate(),
				startIsUtc: time('dtstart').zone?.tzid === 'UTC',
				end: time('dtend').toJSDate(),
				summary: text('summary'),
				location: text('location'),
				description: text('description'),
				organizer: text('organizer'),
				attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())
			};
		}

		/** The slot's event in a feed: the trainer's own, or the coordinator's edition feed. */
		async function feedEvent(owner: Actor, editionId: number | null, slotId: number) {
			const { token } = await regenerateFeed(ctx.db, owner, { editionId });
			const calendar = new ICAL.Component(ICAL.parse(await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!)));
			const uid = `workshop-${slotId}@${new URL(publicOrigin()).hostname}`;
			const event = calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid)!;
			return { uid, sequence: Number(event.getFirstPropertyValue('sequence')), status: String(event.getFirstPropertyValue('status')) };
		}

		const slot = (campusId: number, start = '10:00', end = '10:50') => addSlot(ctx.db, w.coordinator, w.editionId, campusId, '2027-05-11', start, end);

		it('invites the trainer and the teacher to the event the feeds show: same UID and SEQUENCE, UTC times, the city as organizer', async () => {
			const id = await slot(w.centrum.campusId);
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.anna, id);
			const row = await slotRow(ctx.db, id);
			const trainer = await invitation('anna@weljong.be');
			const teacher = await invitation('lies@school.be');
			const feed = await feedEvent(w.anna, null, id);
			for (const inv of [trainer, teacher]) {
				expect(inv).toMatchObject({ method: 'REQUEST', uid: feed.uid, sequence: row.sequence, status: 'CONFIRMED', startIsUtc: true });
				expect(inv.row.calendarMethod).toBe('REQUEST');
				expect(inv.sequence).toBe(feed.sequence);
				expect(inv.start).toEqual(new Date('2027-05-11T08:00:00Z'));
				expect(inv.end).toEqual(new Date('2027-05-11T08:50:00Z'));
				expect(inv.location).toBe('Testschool – Campus Centrum, Lokaal 12, Grote Markt 1, 8500 Kortrijk');
				expect(inv.summary).toBe('PAARS-workshop – Campus Centrum (5A)');
				expect(inv.organizer.toLowerCase()).toBe(`mailto:${mailFromAddress()}`);
			}
			expect(trainer.attendees).toEqual(['mailto:anna@weljong.be']);
			expect(teacher.attendees).toEqual(['mailto:lies@school.be']);
			expect(trainer.description).toContain('Trainers: Anna (Wel Jong)');
			expect(trainer.description).toContain(`/trainer/workshops/${id}`);
			expect(teacher.row.bodyText).toContain('Deze mail komt van Stad, over PAARS 2027.');
		});

		it('updates the event with a raised SEQUENCE when the slot moves, in each recipient’s language', async () => {
			const id = await slot(w.noord.campusId);
			await setSlotClasses(ctx.db, w.coordinator, id, [w.noord.classIds[0]]);
			await assignTrainer(ctx.db, w.coordinator, id, w.ben.id);
			const booked = await invitation('ben@weljong.be');
			await updateSlot(ctx.db, w.coordinator, id, slotAt(w.noord.campusId, '2027-05-11', '13:00', '13:50'));
			const moved = await invitation('ben@weljong.be');
			const teacher = await invitation('tom@school.be');
			const feed = await feedEvent(w.coordinator, w.editionId, id);
			expect(moved.sequence).toBe(booked.sequence + 1);
			for (const inv of [moved, teacher]) {
				expect(inv).toMatchObject({ method: 'REQUEST', uid: feed.uid, sequence: feed.sequence, status: 'CONFIRMED' });
				expect(inv.start).toEqual(new Date('2027-05-11T11:00:00Z'));
				expect(inv.summary).toBe('PAARS workshop – Campus Noord (6A)');
				expect(inv.description).toContain('Workshop language: Dutch');
			}
		});

		it('cancels the event for a trainer who cancels or is taken off, while the teacher keeps it', async () => {
			const id = await slot(w.centrum.campusId);
			await setSlotClasses(ctx.db, w.coordinator, id, [w.centrum.classIds[0]]);
			await bookSlot(ctx.db, w.anna, id);
			await cancelBooking(ctx.db, w.anna, id, 'Ziek');
			const gone = await invitation('anna@weljong.be');
			const feed = await feedEvent(w.anna, null, id);
			expect(gone).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: feed.uid, sequence: feed.sequence });
			expect(feed.status).toBe('CANCELLED');
			expect(gone.row.calendarMethod).toBe('CANCEL');
			expect(gone.description).toContain('Je geeft deze workshop niet meer.');
			expect(await invitation('lies@school.be')).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', sequence: feed.sequence });

			await assignTrainer(ctx.db, w.coordinator, id, w.ben.id);
			freezeClock('2027-05-10T12:00:00Z');
			await unassignTrainer(ctx.db, w.coordinator, id, w.ben.id, 'Ziek gemeld');
			const unassigned = await invitation('ben@weljong.be');
			expect(unassigned).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: (await slotRow(ctx.db, id)).sequence });
			expect(unassigned.description).toContain('You no longer give this workshop.');
		});

		it('cancels the event for a teacher whose last class leaves the slot, and for everyone when the slot is cancelled', async () => {
			const id = await slot(w.centrum.campusId);
			const [a5, b5] = w.centrum.classIds;
			await setSlotClasses(ctx.db, w.coordinator, id, [a5, b5]);
			await bookSlot(ctx.db, w.anna, id);
			await setSlotClasses(ctx.db, w.coordinator, id, [a5]);
			expect(await invitation('lies@school.be')).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', summary: 'PAARS-workshop – Campus Centrum (5A)' });
			await setSlotClasses(ctx.db, w.coordinator, id, []);
			const unscheduled = await invitation('lies@school.be');
			expect(unscheduled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: (await slotRow(ctx.db, id)).sequence });
			expect(unscheduled.description).toContain('Je klas staat niet meer in deze workshop.');

			await setSlotClasses(ctx.db, w.coordinator, id, [b5]);
			await cancelSlot(ctx.db, w.coordinator, id, 'Schooluitstap');
			const feed = await feedEvent(w.coordinator, w.editionId, id);
			for (const who of ['anna@weljong.be', 'lies@school.be']) {
				const inv = await invitation(who);
				expect(inv).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: feed.uid, sequence: feed.sequence });
				expect(inv.description).toContain('Deze workshop is geannuleerd.');
			}
			expect(feed.status).toBe('CANCELLED');
		});

		it('tells the trainers when a class of an upcoming workshop is withdrawn, and cancels the event for its teacher once no class of theirs is left', async () => {
			const id = await slot(w.centrum.campusId);
			const [a5, b5] = w.centrum.classIds;
			await setSlotClasses(ctx.db, w.coordinator, id, [a5, b5]);
			await bookSlot(ctx.db, w.anna, id);
			const teacherMails = async () => (await mails(ctx.db, 'lies@school.be', 'workshop')).length;
			const before = { sequence: (await slotRow(ctx.db, id)).sequence, teacher: await teacherMails() };

			await withdrawClass(ctx.db, w.centrum.teacher, b5);
			const trainer = await invitation('anna@weljong.be');
			const feed = await feedEvent(w.anna, null, id);
			expect(trainer.row.subject).toMatch(/^Een klas minder: 5B komt niet naar de workshop op .+ · Stad$/);
			expect(trainer.row.bodyText).toContain('5B is uitgeschreven voor de campagne en komt niet naar deze workshop.');
			expect(trainer).toMatchObject({
				method: 'REQUEST',
				status: 'CONFIRMED',
				uid: feed.uid,
				sequence: before.sequence + 1,
				summary: 'PAARS-workshop – Campus Centrum (5A)'
			});
			expect(feed.sequence).toBe(before.sequence + 1);
			// 5A is still in the workshop: the teacher keeps the event and gets no mail about it.
			expect(await teacherMails()).toBe(before.teacher);

			await withdrawClass(ctx.db, w.centrum.teacher, a5);
			const teacher = await invitation('lies@school.be');
			expect(teacher.row.subject).toMatch(/^Uit je agenda: workshop op .+ · Stad$/);
			expect(teacher.row.bodyText).toContain('5A is uitgeschreven en komt dus niet naar deze workshop.');
			expect(teacher).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: feed.uid, sequence: before.sequence + 2 });
			expect(teacher.description).toContain('Je klas staat niet meer in deze workshop.');
			expect((await invitation('anna@weljong.be')).row.subject).toContain('Een klas minder: 5A');
		});

		it('leaves a workshop that has started alone when one of its classes is withdrawn', async () => {
			const id = await slot(w.noord.campusId);
			await setSlotClasses(ctx.db, w.coordinator, id, [w.noord.classIds[0]]);
			await bookSlot(ctx.db, w.ben, id);
			const before = { sequence: (await slotRow(ctx.db, id)).sequence, outbox: await count(ctx.db, 'mailOutbox') };
			freezeClock('2027-05-11T08:30:00Z');
			await withdrawClass(ctx.db, w.coordinator, w.noord.classIds[0]);
			expect((await slotRow(ctx.db, id)).sequence).toBe(before.sequence);
			// Only the withdrawal itself is mailed to the teacher.
			expect(await count(ctx.db, 'mailOutbox')).toBe(before.outbox + 1);
			expect(await mails(ctx.db, 'tom@school.be', 'class_withdrawn')).toHaveLength(1);
		});
	});
});
