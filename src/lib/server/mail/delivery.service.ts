import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { config, publicOrigin } from '../config';
import type { Database } from '../db/schema';
import { addMs, clock, minutes, toDbTime } from '../db/time';
import { logger, maskEmails } from '../log';
import { citySettings } from '../settings/settings.service';
import { claimDueMail, settleMail, type ClaimedMail } from './delivery.repository';
import { mailFromAddress } from './mail-from';
import { mailMessage } from './mail-message';

/** Minutes to wait after the n-th failed attempt: quick at first, then hours, about a day in all. */
const backoffMinutes = [1, 5, 15, 60, 180, 360, 720];

export function retryDelayMs(failedAttempts: number): number {
	return minutes(backoffMinutes[Math.min(failedAttempts, backoffMinutes.length) - 1] ?? backoffMinutes.at(-1)!);
}

/** A lease long enough for a whole batch of slow sends (each bounded by the transport's timeouts). */
const batchSize = 10;
const leaseMs = minutes(10);

/** This process's name on the rows it claims. */
export const senderId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface DeliveryResult {
	sent: number;
	retried: number;
	failed: number;
}

/**
 * A 5xx answer (mailbox does not exist, message refused) will not change by
 * trying again tomorrow: the mail is marked failed at once, for a coordinator to
 * look at. Everything else (4xx, timeouts, a dropped connection) is retried.
 */
function isPermanent(err: unknown): boolean {
	const code = (err as { responseCode?: number }).responseCode;
	return typeof code === 'number' && code >= 500 && code < 600;
}

const describe = (err: unknown) => maskEmails(String((err as Error)?.message ?? err)).slice(0, 1000);

/**
 * Sends what is due in the outbox, batch by batch, until nothing is due or
 * `maxMails` went out in this run (so one run cannot starve the other jobs).
 * Safe with several processes: each batch is claimed with a lease (see
 * claimDueMail). Sending never happens inside a database transaction, and a
 * failure only ever changes the row's status: the change that queued the mail
 * committed long ago and never depends on delivery.
 */
export async function deliverDueMail(db: Kysely<Database>, transport: Transporter, opts: { owner?: string; maxMails?: number } = {}): Promise<DeliveryResult> {
	const owner = opts.owner ?? senderId;
	const maxMails = opts.maxMails ?? 500;
	const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
	const host = new URL(publicOrigin()).hostname;
	const address = mailFromAddress();
	while (result.sent + result.retried + result.failed < maxMails) {
		const now = clock.now();
		const batch = await claimDueMail(db, { owner, now: toDbTime(now), leaseUntil: toDbTime(addMs(now, leaseMs)), limit: batchSize });
		if (batch.length === 0) break;
		for (const mail of batch) {
			const outcome = await sendOne(db, transport, mail, owner, host, address);
			result[outcome]++;
		}
	}
	return result;
}

async function sendOne(
	db: Kysely<Database>,
	transport: Transporter,
	mail: ClaimedMail,
	owner: string,
	host: string,
	address: string
): Promise<keyof DeliveryResult> {
	const city = await citySettings(db, mail.locale);
	try {
		await transport.sendMail(mailMessage(mail, { name: city.cityName, address }, host));
	} catch (err) {
		const permanent = isPermanent(err);
		const last = permanent || mail.attempts >= config().MAIL_MAX_ATTEMPTS;
		const next = addMs(clock.now(), last ? 0 : retryDelayMs(mail.attempts));
		await settleMail(db, mail.id, owner, { status: last ? 'failed' : 'pending', nextAttemptAt: toDbTime(next), lastError: describe(err) });
		logger.warn(last ? 'mail failed' : 'mail attempt failed, will retry', {
			outboxId: mail.id,
			to: mail.recipient,
			attempt: mail.attempts,
			error: describe(err),
			...(last ? {} : { nextAttemptAt: next.toISOString() })
		});
		return last ? 'failed' : 'retried';
	}
	const ours = await settleMail(db, mail.id, owner, { status: 'sent', sentAt: toDbTime(clock.now()) });
	logger.info('mail sent', { outboxId: mail.id, to: mail.recipient, template: mail.template, ...(ours ? {} : { note: 'lease had lapsed' }) });
	return 'sent';
}
