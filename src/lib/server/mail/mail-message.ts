import type { SendMailOptions } from 'nodemailer';
import type { ClaimedMail } from './delivery.repository';
import { secretLinkPlaceholder } from './secret-link';

/**
 * The MIME message of one outbox row. The Message-ID is derived from the row, so
 * every attempt of one row carries the same one: a rare second delivery after a
 * crash between sending and marking it sent is recognisable as the same mail
 * (and most mail systems drop it). The secret link enters the body only here.
 */
export function messageIdOf(id: number, host: string): string {
	return `<outbox-${id}@${host}>`;
}

export function mailMessage(mail: ClaimedMail, from: { name: string; address: string }, host: string): SendMailOptions {
	const link = mail.secretLink ?? '';
	const fill = (body: string) => (mail.secretLink ? body.split(secretLinkPlaceholder).join(link) : body);
	const htmlLink = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	const message: SendMailOptions = {
		// Objects, never strings: nodemailer then encodes the name and no display name can smuggle in an address.
		from,
		to: { name: '', address: mail.recipient },
		subject: mail.subject,
		text: fill(mail.bodyText),
		html: mail.secretLink ? mail.bodyHtml.split(secretLinkPlaceholder).join(htmlLink) : mail.bodyHtml,
		messageId: messageIdOf(mail.id, host),
		date: new Date(),
		headers: {
			// Out-of-office replies must not answer a machine.
			'Auto-Submitted': 'auto-generated',
			'X-Auto-Response-Suppress': 'OOF, AutoReply',
			'Content-Language': mail.locale
		}
	};
	if (mail.calendarIcs && mail.calendarMethod) {
		message.icalEvent = { method: mail.calendarMethod, filename: mail.calendarMethod === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: mail.calendarIcs };
	}
	return message;
}
