import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { nowDb } from '../db/time';
import { config, isProduction } from '../config';
import { logger } from '../log';
import { citySettings } from '../settings/settings.service';
import { insertOutboxMail, insertOutboxMailOnce, type NewOutboxRow } from './outbox.repository';
import type { MailTemplate } from './registry';
import { renderMail } from './render';

export interface MailToQueue {
	recipient: string;
	locale: Locale;
	mail: MailTemplate;
	/** The one-time link that replaces the placeholder at sending; never shown in the app. */
	secretLink?: string;
	dedupeKey: string;
	/** A workshop mail's invitation (.ics text) and its METHOD, attached when the mail is sent. */
	calendar?: { ics: string; method: 'REQUEST' | 'CANCEL' };
}

async function outboxRow(db: Db, input: MailToQueue): Promise<NewOutboxRow> {
	const rendered = renderMail(input.mail, input.locale, await citySettings(db, input.locale));
	return {
		recipient: input.recipient,
		locale: input.locale,
		template: input.mail.template,
		paramsJson: JSON.stringify(input.mail.params),
		subject: rendered.subject,
		bodyText: rendered.text,
		bodyHtml: rendered.html,
		secretLink: input.secretLink ?? null,
		dedupeKey: input.dedupeKey,
		createdAt: nowDb(),
		calendarIcs: input.calendar?.ics ?? null,
		calendarMethod: input.calendar?.method ?? null
	};
}

/**
 * Puts a mail in the outbox inside the caller's transaction, so a mail exists
 * exactly when the change it announces does. Delivery (SMTP) reads the outbox.
 * Outside production the one-time link is also printed to the console, because
 * without SMTP nobody could otherwise use it.
 */
export async function enqueueMail(db: Db, input: MailToQueue): Promise<number> {
	const id = await insertOutboxMail(db, await outboxRow(db, input));
	if (input.secretLink && !isProduction() && !config().VITEST) {
		// Deliberately unmasked: this is the developer's only way to follow the link.
		console.log(`[outbox] ${input.mail.template} for ${input.recipient}: ${input.secretLink}`);
	}
	logger.info('mail queued', { template: input.mail.template, outboxId: id });
	return id;
}

/**
 * Queues a mail unless its dedupe key is already in the outbox (reminders and
 * follow-ups, which a job may try to create many times and from several processes).
 * Returns whether this call created it.
 */
export async function enqueueMailOnce(db: Db, input: MailToQueue): Promise<boolean> {
	const created = await insertOutboxMailOnce(db, await outboxRow(db, input));
	if (created) logger.info('mail queued', { template: input.mail.template, dedupeKey: input.dedupeKey });
	return created;
}
