import { beforeEach, describe, expect, it } from 'vitest';
import { withdrawClass } from '../../src/lib/server/enrolments/enrolment.service';
import { createDueNotifications } from '../../src/lib/server/jobs/notification-jobs';
import { listSlotTrainers } from '../../src/lib/server/jobs/notification-candidates.repository';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, setSlotClasses, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { createUser } from './support/fixtures';
import { freezeClock, useDatabase } from './support/context';
import { enrolClasses, slotAt, addSlot, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/** A Tuesday inside the default workshop period: 10:00–10:50 Brussels is 08:00–08:50 UTC. */
const day = '2027-05-11';
const none = { reminders: 0, reportReminders: 0, followUps: 0, waitingNotices: 0, certificates: 0 };
const given = { outcome: 'given', pupilsPresent: 20, durationMinutes: 50, note: null } as const;

/**
 * The job that creates reminders and follow-ups: each at its moment, each once
 * however often (and however concurrently) it runs, only for those who want it.
 */
describeEachDatabase('notification jobs', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;
	let slotId: number;
	let samClass: number;
	const run = (iso: string, pageSize?: number) => createDueNotifications(ctx.db, freezeClock(iso)(0), { pageSize });
	/** Job mails in the outbox (not the change mails that booking and planning queue), oldest first. */
	const jobMails = async (recipient?: string) => {
		const rows = await ctx.db
			.selectFrom('mailOutbox')
			.select(['recipient', 'template', 'locale', 'subject', 'bodyText', 'bodyHtml', 'paramsJson', 'dedupeKey', 'calendarMethod', 'calendarIcs'])
			.$if(!!recipient, (q) => q.where('recipient', '=', recipient!))
			.where((eb) =>
				eb.or([
					eb('template', '=', 'waiting_list_notice'),
					eb('dedupeKey', 'like', 'workshop:reminder:%'),
					eb('dedupeKey', 'like', 'workshop:report_due:%'),
					eb('dedupeKey', 'like', 'workshop:follow_up:%')
				])
			)
			.orderBy('id')
			.execute();
		return rows.map((r) => ({ ...r, params: JSON.parse(r.paramsJson) as Record<string, unknown> }));
	};
	const recipients = async () => (await jobMails()).map((m) => m.recipient).sort();
	const setUser = (email: string, values: { mailReminders?: 0 | 1; mailFollowUps?: 0 | 1; disabled?: 0 | 1 }) =>
		ctx.db.updateTable('users').set(values).where('email', '=', email).execute();

	beforeEach(async () => {
		freezeClock('2027-04-01T08:00:00Z');
		w = await workshopWorld(ctx.db);
		// Anna gives it at Campus Centrum to 5A (enrolled by Lies, Dutch) and 5E (by Sam, English).
		const samId = await createUser(ctx.db, { email: 'sam@school.be', roles: ['teacher'], campusId: w.centrum.campusId, name: 'Sam', locale: 'en' });
		[samClass] = await enrolClasses(ctx.db, { id: samId, displayName: 'Sam', roles: ['teacher'] }, w.editionId, w.centrum.campusId, [
			{ name: '5E', pupils: 21 }
		]);
		slotId = await addSlot(ctx.db, w.coordinator, w.editionId, w.centrum.campusId, day, '10:00', '10:50');
		await setSlotClasses(ctx.db, w.coordinator, slotId, [w.centrum.classIds[0], samClass]);
		await bookSlot(ctx.db, w.anna, slotId);
	});

	describe('workshop reminder', () => {
		it('goes to the trainer and each teacher from 2 days before the start, in their own language', async () => {
			expect(await run('2027-05-09T07:59:59Z')).toEqual(none);
			expect(await run('2027-05-09T08:00:00Z')).toEqual({ ...none, reminders: 3 });
			const [anna] = await jobMails(w.anna.email);
			expect(anna).toMatchObject({
				locale: 'nl',
				subject: 'Herinnering: je geeft een workshop op 11 mei 2027 om 10:00–10:50 · Stad',
				params: { event: 'reminder', classes: '5A, 5E' }
			});
			expect(anna.bodyText).toContain('Je krijgt ze omdat je deze workshop geeft; herinneringen kun je uitzetten in je profiel.');
			expect(anna.bodyText).toContain('/trainer/workshops/');
			// The event comes along again, as the feed has it, so a deleted one is one tap away.
			expect(anna.calendarMethod).toBe('REQUEST');
			expect(anna.calendarIcs).toContain(`UID:workshop-${slotId}@`);
			expect(anna.calendarIcs).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT');
			const [lies] = await jobMails('lies@school.be');
			expect(lies).toMatchObject({ locale: 'nl', subject: expect.stringMatching(/^Herinnering: workshop voor 5A op 11 mei 2027/) });
			expect(lies.bodyText).toContain('Trainer: Anna (Wel Jong)');
			const [sam] = await jobMails('sam@school.be');
			expect(sam).toMatchObject({ locale: 'en', subject: expect.stringMatching(/^Reminder: workshop for 5E on 11 May 2027/) });
			expect(sam.bodyText).toContain('You get it because this workshop is for 5E, which you enrolled; you can switch reminders off in your profile.');
			expect(sam.calendarIcs).toContain('MAILTO:sam@school.be');
		});

		it("follows the edition's number of days", async () => {
			await ctx.db.updateTable('editions').set({ reminderDaysBefore: 5 }).where('id', '=', w.editionId).execute();
			expect(await run('2027-05-06T07:59:00Z')).toEqual(none);
			expect(await run('2027-05-06T08:00:00Z')).toEqual({ ...none, reminders: 3 });
		});

		it('is still sent once when the job was down, up to the start, and never after it', async () => {
			expect(await run('2027-05-11T07:59:00Z')).toEqual({ ...none, reminders: 3 });
			const late = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, late, [w.noord.classIds[1]]);
			expect(await run('2027-05-12T08:00:00Z')).toEqual(none);
			expect(await run('2027-05-12T09:00:00Z')).toEqual(none);
		});

		it('is created once when the job runs three times and twice at once', async () => {
			await run('2027-05-10T08:00:00Z');
			expect(await run('2027-05-10T08:01:00Z')).toEqual(none);
			expect(await run('2027-05-10T08:02:00Z')).toEqual(none);
			const both = await Promise.all([
				createDueNotifications(ctx.db, new Date('2027-05-10T08:03:00Z')),
				createDueNotifications(ctx.db, new Date('2027-05-10T08:03:00Z'))
			]);
			expect(both).toEqual([none, none]);
			expect(await recipients()).toEqual(['anna@weljong.be', 'lies@school.be', 'sam@school.be']);
			// The candidates query itself skips what is queued: a minute's run reads nothing.
			const window = { editionId: w.editionId, fromDate: '2027-05-09', toDate: '2027-05-12', startsAfter: '2027-05-10 08:04:00.000', outcome: 'any' } as const;
			expect(
				await listSlotTrainers(ctx.db, { window, preference: 'mailReminders', keyPrefix: 'workshop:reminder:', keyWithStart: true, cursor: null, limit: 10 })
			).toEqual([]);
		});

		it('reads the candidates page by page without missing or repeating anyone', async () => {
			expect(await run('2027-05-10T08:00:00Z', 1)).toEqual({ ...none, reminders: 3 });
			expect(await recipients()).toEqual(['anna@weljong.be', 'lies@school.be', 'sam@school.be']);
		});

		it('goes out once when two job runs start together', async () => {
			freezeClock('2027-05-10T08:00:00Z');
			const now = new Date('2027-05-10T08:00:00Z');
			const both = await Promise.all([createDueNotifications(ctx.db, now), createDueNotifications(ctx.db, now)]);
			expect(both[0].reminders + both[1].reminders).toBe(3);
			expect(await recipients()).toEqual(['anna@weljong.be', 'lies@school.be', 'sam@school.be']);
		});

		it('skips those who switched reminders off and disabled accounts', async () => {
			await setUser('lies@school.be', { mailReminders: 0 });
			await setUser(w.anna.email, { disabled: 1 });
			await setUser('sam@school.be', { mailFollowUps: 0 }); // follow-ups off, reminders still on
			expect(await run('2027-05-10T08:00:00Z')).toEqual({ ...none, reminders: 1 });
			expect(await recipients()).toEqual(['sam@school.be']);
		});

		it('skips cancelled workshops, withdrawn classes and editions that are not published', async () => {
			const sam = await ctx.db.selectFrom('users').select('id').where('email', '=', 'sam@school.be').executeTakeFirstOrThrow();
			await withdrawClass(ctx.db, { id: sam.id, displayName: 'Sam', roles: ['teacher'] }, samClass);
			expect(await run('2027-05-10T08:00:00Z')).toEqual({ ...none, reminders: 2 });
			expect(await recipients()).toEqual(['anna@weljong.be', 'lies@school.be']);

			const other = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-11', '13:00', '13:50');
			await setSlotClasses(ctx.db, w.coordinator, other, [w.noord.classIds[1]]);
			await bookSlot(ctx.db, w.ben, other);
			await cancelSlot(ctx.db, w.coordinator, other, 'School gesloten');
			expect(await run('2027-05-10T12:00:00Z')).toEqual(none);
			expect(await jobMails(w.ben.email)).toEqual([]);
		});

		it('is not sent for a draft edition', async () => {
			await ctx.db.updateTable('editions').set({ status: 'draft' }).where('id', '=', w.editionId).execute();
			expect(await run('2027-05-10T08:00:00Z')).toEqual(none);
		});

		it('is sent again for the new time when the workshop moves', async () => {
			await run('2027-05-10T08:00:00Z');
			freezeClock('2027-05-10T09:00:00Z');
			await updateSlot(ctx.db, w.coordinator, slotId, slotAt(w.centrum.campusId, '2027-05-18', '13:00', '13:50'));
			expect(await run('2027-05-15T11:59:00Z')).toEqual(none);
			expect(await run('2027-05-16T11:00:00Z')).toEqual({ ...none, reminders: 3 });
			const subjects = (await jobMails('sam@school.be')).map((m) => m.subject);
			expect(subjects).toEqual([expect.stringMatching(/on 11 May 2027/), expect.stringMatching(/on 18 May 2027 at 13:00/)]);
		});
	});

	describe('report reminder', () => {
		it('goes to the trainers of an unreported workshop 2 days after it ended, once', async () => {
			await run('2027-05-10T08:00:00Z'); // the workshop reminders
			expect(await run('2027-05-13T08:49:59Z')).toEqual(none);
			expect(await run('2027-05-13T08:50:00Z')).toEqual({ ...none, reportReminders: 1 });
			expect(await run('2027-05-14T08:50:00Z')).toEqual(none);
			const report = (await jobMails(w.anna.email)).at(-1)!;
			expect(report).toMatchObject({
				params: { event: 'report_due' },
				subject: expect.stringMatching(/^Meld nog hoe de workshop van 11 mei 2027 om 10:00–10:50 verliep/)
			});
			expect(report.bodyText).toContain(`Workshop melden: http://localhost:3000/trainer/workshops/${slotId}`);
			expect(report.bodyText).toContain('herinneringen kun je uitzetten in je profiel');
		});

		it('is not sent for a reported workshop, nor a month after the workshop, nor to those who opted out', async () => {
			const late = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-12', '10:00', '10:50');
			await bookSlot(ctx.db, w.ben, late);
			const quiet = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-13', '10:00', '10:50');
			await bookSlot(ctx.db, w.chris, quiet);
			await setUser(w.chris.email, { mailReminders: 0 });
			freezeClock('2027-05-11T09:00:00Z');
			await reportWorkshop(ctx.db, w.anna, slotId, { outcome: 'not_given', notGivenReason: 'class_absent', note: null });
			expect((await run('2027-05-13T09:00:00Z')).reportReminders).toBe(0);
			expect(await jobMails(w.anna.email)).toEqual([]);
			expect((await run('2027-06-11T09:00:00Z')).reportReminders).toBe(0); // Ben's ended 30 days and 10 minutes ago; Chris opted out
			expect(await jobMails(w.ben.email)).toEqual([]);
			expect(await jobMails(w.chris.email)).toEqual([]);
		});
	});

	describe('follow-up', () => {
		it('goes to each teacher a day after a workshop reported given, with the materials and certificate links', async () => {
			freezeClock('2027-05-11T08:30:00Z');
			await reportWorkshop(ctx.db, w.anna, slotId, given); // during the workshop
			expect((await run('2027-05-11T08:50:00Z')).followUps).toBe(0);
			expect((await run('2027-05-12T08:49:00Z')).followUps).toBe(0);
			expect((await run('2027-05-12T08:50:00Z')).followUps).toBe(2);
			expect((await run('2027-05-12T09:50:00Z')).followUps).toBe(0);
			const [sam] = (await jobMails('sam@school.be')).filter((m) => m.params.event === 'follow_up');
			expect(sam).toMatchObject({ locale: 'en', subject: 'Thank you: the workshop for 5E has been given · City' });
			expect(sam.bodyText).toContain(`Teaching materials: http://localhost:3000/teacher/materials#edition-${w.editionId}`);
			expect(sam.bodyText).toContain(`Certificate of class 5E: http://localhost:3000/teacher/classes/${samClass}#certificates-heading`);
			expect(sam.bodyHtml).toContain(`Certificate of class 5E: <a href="http://localhost:3000/teacher/classes/${samClass}#certificates-heading">`);
			expect(sam.bodyText).not.toContain('5A');
			expect(sam.bodyText).toContain('you can switch follow-up mails off in your profile');
			const [lies] = (await jobMails('lies@school.be')).filter((m) => m.params.event === 'follow_up');
			expect(lies.subject).toBe('Bedankt: de workshop voor 5A is gegeven · Stad');
			expect(lies.bodyText).toContain(`Attest van klas 5A: http://localhost:3000/teacher/classes/${w.centrum.classIds[0]}#certificates-heading`);
			expect(await jobMails(w.anna.email)).toEqual([]); // the trainer reported, so no report reminder either
		});

		it('is not sent for a workshop reported not given, nor to a teacher who switched follow-ups off', async () => {
			await setUser('lies@school.be', { mailFollowUps: 0 });
			freezeClock('2027-05-11T09:00:00Z');
			await reportWorkshop(ctx.db, w.anna, slotId, given);
			const other = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-11', '13:00', '13:50');
			await setSlotClasses(ctx.db, w.coordinator, other, [w.noord.classIds[1]]);
			await bookSlot(ctx.db, w.ben, other);
			freezeClock('2027-05-11T12:00:00Z');
			await reportWorkshop(ctx.db, w.ben, other, { outcome: 'not_given', notGivenReason: 'class_absent', note: null });
			expect(await run('2027-05-12T14:00:00Z')).toEqual({ ...none, followUps: 1 });
			expect(await recipients()).toEqual(['sam@school.be']);
			expect((await jobMails('sam@school.be'))[0].params).toMatchObject({ event: 'follow_up', classes: '5E' });
		});
	});

	describe('waiting-list notice', () => {
		beforeEach(async () => {
			// The edition is full: new classes wait. Lies waits with two, Tom with one.
			await ctx.db.updateTable('editions').set({ maxClasses: 4 }).where('id', '=', w.editionId).execute();
			await enrolClasses(ctx.db, w.centrum.teacher, w.editionId, w.centrum.campusId, [
				{ name: '5C', pupils: 20 },
				{ name: '5D', pupils: 21 }
			]);
			await enrolClasses(ctx.db, w.noord.teacher, w.editionId, w.noord.campusId, [{ name: '6C', pupils: 17 }]);
			await ctx.db.updateTable('editions').set({ enrolmentClosesAt: '2027-03-01 22:59:00.000' }).where('id', '=', w.editionId).execute();
		});

		it('tells each teacher with waiting classes a week before enrolment closes, once, listing the classes', async () => {
			freezeClock('2027-02-01T08:00:00Z');
			const withdrawn = (await enrolClasses(ctx.db, w.noord.teacher, w.editionId, w.noord.campusId, [{ name: '6D', pupils: 17 }]))[0];
			await withdrawClass(ctx.db, w.noord.teacher, withdrawn);
			expect(await run('2027-02-22T22:58:59Z')).toEqual(none);
			expect(await run('2027-02-22T22:59:00Z', 1)).toEqual({ ...none, waitingNotices: 2 }); // one teacher per page
			expect(await run('2027-02-25T10:00:00Z')).toEqual(none);
			const [lies] = await jobMails('lies@school.be');
			expect(lies).toMatchObject({ template: 'waiting_list_notice', locale: 'nl', subject: 'Nog op de wachtlijst voor PAARS 2027: 5C, 5D · Stad' });
			expect(lies.bodyText).toContain('De inschrijvingen sluiten op 1 maart 2027 om 23:59.');
			expect(lies.bodyText).toContain('herinneringen kun je uitzetten in je profiel');
			const [tom] = await jobMails('tom@school.be');
			expect(tom).toMatchObject({ locale: 'en', subject: 'Still on the waiting list for PAARS 2027: 6C · City' });
		});

		it('is not sent after enrolment closed, nor to those who switched reminders off', async () => {
			await setUser('tom@school.be', { mailReminders: 0 });
			expect(await run('2027-02-28T10:00:00Z')).toEqual({ ...none, waitingNotices: 1 });
			expect(await recipients()).toEqual(['lies@school.be']);
			await setUser('tom@school.be', { mailReminders: 1 });
			expect(await run('2027-03-01T23:00:00Z')).toEqual(none);
		});

		it('is sent again when the closing date moves', async () => {
			await run('2027-02-28T10:00:00Z');
			await ctx.db.updateTable('editions').set({ enrolmentClosesAt: '2027-03-15 22:59:00.000' }).where('id', '=', w.editionId).execute();
			expect(await run('2027-03-01T10:00:00Z')).toEqual(none);
			expect(await run('2027-03-10T10:00:00Z')).toEqual({ ...none, waitingNotices: 2 });
		});
	});

	describe('certificate at the end of the edition', () => {
		const certificateMails = () =>
			ctx.db
				.selectFrom('mailOutbox')
				.select(['recipient', 'locale', 'subject', 'bodyText', 'dedupeKey'])
				.where('template', '=', 'certificate_available')
				.orderBy('id')
				.execute();

		it('tells each teacher of a class not yet told, once the workshop period is over, and only once per class', async () => {
			freezeClock('2027-05-11T09:00:00Z');
			await reportWorkshop(ctx.db, w.anna, slotId, given);
			expect((await certificateMails()).map((m) => m.recipient)).toEqual(['lies@school.be', 'sam@school.be']);
			await withdrawClass(ctx.db, w.coordinator, w.noord.classIds[1]);
			expect(await run('2027-05-13T08:00:00Z')).toEqual({ ...none, followUps: 2 });

			// The period ends on 7 June: the last minute of that day in Brussels is still inside it.
			expect(await run('2027-06-07T21:59:00Z')).toEqual(none);
			expect(await run('2027-06-07T22:00:00Z')).toEqual({ ...none, certificates: 2 });
			const mails = await certificateMails();
			expect(mails.map((m) => m.recipient)).toEqual(['lies@school.be', 'sam@school.be', 'lies@school.be', 'tom@school.be']);
			const [, , lies, tom] = mails;
			expect(lies).toMatchObject({ locale: 'nl', subject: 'Attest beschikbaar: 5B (PAARS 2027) · Stad' });
			expect(lies.bodyText).toContain('De workshopperiode van PAARS 2027 is voorbij. Het klasattest van klas 5B van Testschool – Campus Centrum staat klaar.');
			expect(tom).toMatchObject({ locale: 'en', subject: 'Certificate available: 6A (PAARS 2027) · City' });
			expect(tom.bodyText).toContain('The workshop period of PAARS 2027 is over. The class certificate of class 6A of Testschool – Campus Noord is ready.');
			expect(tom.bodyText).toContain(`/teacher/classes/${w.noord.classIds[0]}`);
			expect(await run('2027-06-08T08:00:00Z')).toEqual(none);
		});

		it('walks the classes page by page, and stays silent a month after the period and for disabled teachers', async () => {
			await setUser('tom@school.be', { disabled: 1 });
			// (The workshop was never reported: its trainer is reminded in the same run.)
			expect(await run('2027-06-08T08:00:00Z', 1)).toEqual({ ...none, reportReminders: 1, certificates: 3 });
			expect((await certificateMails()).map((m) => m.dedupeKey)).toEqual(
				[...w.centrum.classIds, samClass].sort((a, b) => a - b).map((id) => `certificate_available:${w.editionId}:class:${id}`)
			);
			await setUser('tom@school.be', { disabled: 0 });
			expect(await run('2027-07-08T08:00:00Z')).toEqual(none);
		});
	});
});
