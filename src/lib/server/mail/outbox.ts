import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { nowDb } from '../db/time';
import { isProduction } from '../config';
import { logger } from '../log';
import { citySettings } from '../settings/settings.service';
import { insertOutboxMail } from './outbox.repository';
import { renderMail, type MailTemplate } from './templates';

/**
 * Puts a mail in the outbox inside the caller's transaction, so a mail exists
 * exactly when the change it announces does. Delivery (SMTP) reads the outbox.
 * Outside production the one-time link is also printed to the console, because
 * without SMTP nobody could otherwise use it.
 */
export async function enqueueMail(
	db: Db,
	input: { recipient: string; locale: Locale; mail: MailTemplate; secretLink?: string; dedupeKey: string }
): Promise<number> {
	const rendered = renderMail(input.mail, input.locale, await citySettings(db, input.locale));
	const id = await insertOutboxMail(db, {
		recipient: input.recipient,
		locale: input.locale,
		template: input.mail.template,
		paramsJson: JSON.stringify(input.mail.params),
		subject: rendered.subject,
		bodyText: rendered.text,
		bodyHtml: rendered.html,
		secretLink: input.secretLink ?? null,
		dedupeKey: input.dedupeKey,
		createdAt: nowDb()
	});
	if (input.secretLink && !isProduction() && !process.env.VITEST) {
		// Deliberately unmasked: this is the developer's only way to follow the link.
		console.log(`[outbox] ${input.mail.template} for ${input.recipient}: ${input.secretLink}`);
	}
	logger.info('mail queued', { template: input.mail.template, outboxId: id });
	return id;
}
