import { beforeEach, expect, it } from 'vitest';
import { useHandle } from '../../src/lib/server/db';
import { buildFeedCalendar } from '../../src/lib/server/workshops/calendar/calendar-ics';
import { regenerateFeed, resolveFeedToken } from '../../src/lib/server/workshops/calendar/calendar-feed.service';
import { setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot, cancelBooking } from '../../src/lib/server/workshops/trainers/booking.service';
import { trainerSlotPage } from '../../src/lib/server/workshops/trainers/trainer-slot-page.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { addSlot, workshopWorld, type TrainerActor, type WorkshopWorld } from './support/workshop-fixtures';

/** Issue 18.1: only the trainers booked on a workshop see whom they meet, until a week after it. */
describeEachDatabase('trainer contacts', (dialect) => {
	const ctx = useDatabase(dialect);
	let advance: (ms: number) => Date;
	beforeEach(() => {
		useHandle({ db: ctx.db, dialect, close: async () => {} });
		advance = freezeClock('2027-04-01T08:00:00Z');
	});

	const campusContact = { contactName: 'Sara Vermeulen', contactEmail: 'sara.secretariaat@school.be', contactPhone: '056 12 34 56' };

	/** A slot at Campus Centrum (5A, 5B of lies@school.be) on 12 May 2027, and a Campus Noord slot Anna does not give. */
	async function world() {
		const w = await workshopWorld(ctx.db);
		await ctx.db.updateTable('campuses').set(campusContact).where('id', '=', w.centrum.campusId).execute();
		const slotId = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '10:40', { trainersNeeded: 2 });
		await setSlotClasses(ctx.db, w.coordinator, slotId, w.centrum.classIds);
		return { w, slotId };
	}
	const asUser = (w: WorkshopWorld, t: TrainerActor) => ({ ...t, organisationId: t.email.endsWith('@weljong.be') ? w.welJong : w.cavaria });
	const page = (w: WorkshopWorld, t: TrainerActor, slotId: number) => trainerSlotPage(ctx.db, asUser(w, t), slotId);

	/** The unfolded, unescaped text of an iCalendar file. */
	const icsPlain = (ics: string) =>
		ics
			.replace(/\r\n[ \t]/g, '')
			.replace(/\\n/g, '\n')
			.replace(/\\([,;\\])/g, '$1');
	const feedText = async (t: TrainerActor) => {
		const { token } = await regenerateFeed(ctx.db, t, { editionId: null });
		return icsPlain(await buildFeedCalendar(ctx.db, (await resolveFeedToken(ctx.db, token))!));
	};
	const mailsTo = (email: string) =>
		ctx.db.selectFrom('mailOutbox').select(['paramsJson', 'bodyText', 'bodyHtml', 'calendarIcs']).where('recipient', '=', email).orderBy('id').execute();

	it('shows a booked trainer the campus contact and each class teacher, and no other trainer of the organisation', async () => {
		const { w, slotId } = await world();
		await bookSlot(ctx.db, w.anna, slotId);

		const mine = await page(w, w.anna, slotId);
		expect(mine.contacts).toEqual({
			shown: {
				campus: { name: 'Sara Vermeulen', email: 'sara.secretariaat@school.be', phone: '056 12 34 56' },
				teachers: [{ name: 'lies', email: 'lies@school.be', classes: ['5A', '5B'] }]
			},
			hiddenSince: null
		});
		// Ben, of the same organisation, can still book the slot and sees it, but not whom Anna meets.
		const colleague = await page(w, w.ben, slotId);
		expect(colleague.canBook).toBe(true);
		expect(colleague.contacts).toBeNull();
		expect(JSON.stringify(colleague)).not.toContain('lies@school.be');
		expect(JSON.stringify(colleague)).not.toContain('056 12 34 56');
	});

	it('takes the contacts away from a trainer whose booking was cancelled, on the page and in the feed', async () => {
		const { w, slotId } = await world();
		await bookSlot(ctx.db, w.anna, slotId);
		await bookSlot(ctx.db, w.ben, slotId);
		expect((await page(w, w.ben, slotId)).contacts?.shown?.teachers).toHaveLength(1);
		await cancelBooking(ctx.db, w.ben, slotId, 'Ziek');

		const after = await page(w, w.ben, slotId);
		expect(after.ended).not.toBeNull();
		expect(after.contacts).toBeNull();
		expect(JSON.stringify(after)).not.toContain('sara.secretariaat@school.be');
		const feed = await feedText(w.ben);
		expect(feed).toContain('Lokaal 12');
		expect(feed).not.toContain('sara.secretariaat@school.be');
		expect(feed).not.toContain('lies@school.be');
		// Anna, still booked, keeps them in her feed.
		const annas = await feedText(w.anna);
		expect(annas).toContain('Contactpersoon campus: Sara Vermeulen, sara.secretariaat@school.be, 056 12 34 56');
		expect(annas).toContain('Leerkracht 5A, 5B: lies, lies@school.be');
	});

	it('shows them until a week after the workshop, then says why they are gone and leaves them out of the feed', async () => {
		const { w, slotId } = await world();
		const other = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-13', '09:00', '10:40');
		await setSlotClasses(ctx.db, w.coordinator, other, w.noord.classIds);
		await bookSlot(ctx.db, w.anna, slotId);
		await bookSlot(ctx.db, w.chris, other);

		const before = await feedText(w.anna);
		expect(before).toContain('lies@school.be');
		expect(before).not.toContain('tom@school.be'); // a slot she does not give is not in her feed at all

		advance(Date.parse('2027-05-19T08:00:00Z') - Date.parse('2027-04-01T08:00:00Z')); // 6 days and 23 hours after the end
		expect((await page(w, w.anna, slotId)).contacts?.shown?.campus?.phone).toBe('056 12 34 56');
		expect(await feedText(w.anna)).toContain('lies@school.be');

		advance(2 * 3_600_000); // more than a week after the workshop ended (10:40 Brussels, 08:40 UTC)
		const late = await page(w, w.anna, slotId);
		expect(late.contacts).toEqual({ shown: null, hiddenSince: '2027-05-19' });
		expect(JSON.stringify(late)).not.toContain('lies@school.be');
		const feed = await feedText(w.anna);
		expect(feed).toContain('Lokaal 12');
		expect(feed).not.toContain('lies@school.be');
		expect(feed).not.toContain('Sara Vermeulen');
	});

	it('puts them in the workshop mail and invitation of a booked trainer, not of the teacher or a trainer who left', async () => {
		const { w, slotId } = await world();
		await bookSlot(ctx.db, w.ben, slotId);
		await bookSlot(ctx.db, w.anna, slotId);
		await cancelBooking(ctx.db, w.ben, slotId, 'Ziek');

		const [annasMail] = await mailsTo('anna@weljong.be');
		expect(annasMail.bodyText).toContain('Contactpersoon campus: Sara Vermeulen, sara.secretariaat@school.be, 056 12 34 56');
		expect(annasMail.bodyText).toContain('Leerkracht 5A, 5B: lies, lies@school.be');
		expect(annasMail.bodyHtml).toContain('sara.secretariaat@school.be');
		expect(icsPlain(annasMail.calendarIcs!)).toContain('Leerkracht 5A, 5B: lies, lies@school.be');

		// Ben's booking mail (English) had them while he was booked; his cancellation mail has none.
		const [bensBooking, bensCancel] = await mailsTo('ben@weljong.be');
		expect(bensBooking.bodyText).toContain('Campus contact: Sara Vermeulen');
		expect(bensCancel.bodyText).not.toContain('sara.secretariaat@school.be');
		expect(bensCancel.calendarIcs).not.toContain('lies@school.be');
		expect(JSON.parse(bensCancel.paramsJson).contacts).toBeUndefined();

		// The teacher hears that a trainer was found, without the campus contact or the trainers' view.
		for (const mail of await mailsTo('lies@school.be')) {
			expect(mail.bodyText).not.toContain('056 12 34 56');
			expect(mail.calendarIcs ?? '').not.toContain('056 12 34 56');
		}
	});
});
