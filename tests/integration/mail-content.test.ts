import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { requestLoginLink, useLoginLink } from '../../src/lib/server/auth/login-link.service';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { publicOrigin } from '../../src/lib/server/config';
import { deliverDueMail } from '../../src/lib/server/mail/delivery.service';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { cancelSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser } from './support/fixtures';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { addSlot, slotRow, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

/**
 * What arrives in the mailbox, end to end: the change queues the mail, the sender
 * delivers it over SMTP, mailparser reads it as a mail client would.
 */
describeEachDatabase('mail as it arrives', (dialect) => {
	const ctx = useDatabase(dialect);
	let smtp: TestSmtp;
	beforeAll(async () => {
		smtp = await startTestSmtp();
	});
	afterEach(() => {
		smtp.received.length = 0;
		smtp.envelopes.length = 0;
	});
	afterAll(async () => {
		await smtp.close();
	});

	const deliver = () => deliverDueMail(ctx.db, smtp.transport());
	const to = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);

	/** The calendar part of a received mail, parsed by ical.js. */
	function calendarOf(mail: ParsedMail) {
		const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
		expect(part, 'a text/calendar part').toBeTruthy();
		const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
		const event = calendar.getFirstSubcomponent('vevent')!;
		return {
			method: String(calendar.getFirstPropertyValue('method')),
			uid: String(event.getFirstPropertyValue('uid')),
			sequence: Number(event.getFirstPropertyValue('sequence')),
			status: String(event.getFirstPropertyValue('status')),
			start: (event.getFirstPropertyValue('dtstart') as unknown as { toJSDate(): Date }).toJSDate(),
			organizer: String(event.getFirstPropertyValue('organizer')),
			attendee: String(event.getFirstPropertyValue('attendee')).toLowerCase(),
			// Outlook reads the METHOD from the part's Content-Type, not only from the calendar.
			contentTypeMethod: (part!.headers.get('content-type') as { params?: { method?: string } }).params?.method
		};
	}

	describe('workshop mails', () => {
		let w: WorkshopWorld;
		beforeEach(async () => {
			freezeClock('2027-04-01T08:00:00Z');
			w = await workshopWorld(ctx.db);
		});

		it('a booked workshop reaches trainer and teacher in their languages with an invitation their calendar accepts, and its cancellation replaces it', async () => {
			const id = await addSlot(ctx.db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-11', '10:00', '10:50');
			await setSlotClasses(ctx.db, w.coordinator, id, [w.noord.classIds[0]]);
			await bookSlot(ctx.db, w.anna, id);
			await deliver();
			const uid = `workshop-${id}@${new URL(publicOrigin()).hostname}`;
			const sequence = (await slotRow(ctx.db, id)).sequence;

			const [trainerMail] = to('anna@weljong.be').slice(-1);
			expect(trainerMail.subject).toBe('Je geeft een workshop op 11 mei 2027 om 10:00–10:50 · Stad');
			const invite = calendarOf(trainerMail);
			expect(invite).toMatchObject({ method: 'REQUEST', uid, sequence, status: 'CONFIRMED', attendee: 'mailto:anna@weljong.be', contentTypeMethod: 'REQUEST' });
			expect(invite.organizer.toLowerCase()).toBe('mailto:no-reply@localhost');
			expect(invite.start.toISOString()).toBe('2027-05-11T08:00:00.000Z');

			// Tom reads English: his mail and its invitation are his.
			const [teacherMail] = to('tom@school.be').slice(-1);
			expect(teacherMail.subject).toMatch(/^A trainer will give the workshop on 11 May 2027 at 10:00–10:50/);
			expect(teacherMail.headers.get('content-language')).toBe('en');
			expect(calendarOf(teacherMail)).toMatchObject({ method: 'REQUEST', uid, attendee: 'mailto:tom@school.be' });

			await cancelSlot(ctx.db, w.coordinator, id, 'De school is gesloten');
			await deliver();
			const cancelled = calendarOf(to('anna@weljong.be').at(-1)!);
			expect(cancelled).toMatchObject({ method: 'CANCEL', uid, status: 'CANCELLED', contentTypeMethod: 'CANCEL' });
			expect(cancelled.sequence).toBeGreaterThan(sequence);
			expect(to('anna@weljong.be').at(-1)!.text).toContain('Reden: De school is gesloten');
		});
	});

	it('a login link arrives by mail and logs in once', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', name: 'Lies', roles: ['teacher'] });
		await requestLoginLink(ctx.db, { email: 'lies@school.be', ip: '10.1.2.3', locale: 'en' });
		expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
		const [mail] = smtp.received;
		expect(mail.subject).toMatch(/aanmeldlink/i);
		const link = mail.text!.match(/https?:\/\/\S+\/login\/link\/\S+/)![0];
		expect(mail.html).toContain(link);
		const token = link.split('/').pop()!.split('?')[0];
		const session = await useLoginLink(ctx.db, token, { userAgent: 'Mail test' });
		expect(await validateSessionToken(ctx.db, session.token)).not.toBeNull();
		await expect(useLoginLink(ctx.db, token, { userAgent: 'Mail test' })).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
	});
});
