import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { createDueNotifications } from '../../src/lib/server/jobs/notification-jobs';
import { deliverDueMail } from '../../src/lib/server/mail/delivery.service';
import { outboxPage } from '../../src/lib/server/mail/outbox.service';
import { startTestSmtp } from '../integration/support/smtp';
import type { Scenario } from './scenarios';

/**
 * Issue 7 on the Flanders edition: the reminder job's first run (it creates every
 * due reminder and follow-up at once, as on the day it is deployed), its later
 * runs (every minute, in every process: they must cost next to nothing), the
 * coordinator's outbox, and delivering 1,000 mails over SMTP to a server in this
 * process. Returns one-off results; the repeatable ones are scenarios.
 */
export async function notificationBench(db: Kysely<Database>): Promise<{ oneOff: [string, string][]; scenarios: Scenario[] }> {
	const started = performance.now();
	const first = await createDueNotifications(db, new Date());
	const created = Object.values(first).reduce((a, b) => a + b, 0);
	const oneOff: [string, string][] = [['jobs: first run on the edition', `${Math.round(performance.now() - started)} ms, ${created} mails (${JSON.stringify(first)})`]];

	const smtp = await startTestSmtp();
	try {
		const transport = smtp.transport();
		const t = performance.now();
		const result = await deliverDueMail(db, transport, { maxMails: 1000 });
		const ms = performance.now() - t;
		oneOff.push(['delivery: up to 1,000 mails over SMTP (pooled)', `${Math.round(ms)} ms, ${result.sent} sent, ${(ms / Math.max(1, result.sent)).toFixed(1)} ms each`]);
	} finally {
		await smtp.close();
	}
	return {
		oneOff,
		scenarios: [
			{ name: 'jobs: a later run (nothing new)', run: (d) => createDueNotifications(d, new Date()), note: (r) => `${Object.values(r as object).reduce((a: number, b) => a + Number(b), 0)} new` },
			{ name: 'outbox: first page, all', run: (d) => outboxPage(d, { page: 1, limit: 50, offset: 0 }) },
			{ name: 'outbox: first page, waiting', run: (d) => outboxPage(d, { page: 1, limit: 50, offset: 0, status: 'pending' }) }
		]
	};
}
