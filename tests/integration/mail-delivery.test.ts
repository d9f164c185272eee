import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset.service';
import { minutes, nowDb } from '../../src/lib/server/db/time';
import { deliverDueMail, retryDelayMs } from '../../src/lib/server/mail/delivery.service';
import { enqueueMail } from '../../src/lib/server/mail/outbox';
import { retryAllFailedMail, retryFailedMail } from '../../src/lib/server/mail/outbox.service';
import { makeTransport } from '../../src/lib/server/mail/smtp-transport';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser, outboxFor } from './support/fixtures';
import { startSilentServer, startTestSmtp, type TestSmtp } from './support/smtp';

const coordinator = { id: 0, displayName: 'Coördinator', roles: ['coordinator' as const] };

describeEachDatabase('mail delivery over SMTP', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 6 });
	let smtp: TestSmtp;
	beforeAll(async () => {
		smtp = await startTestSmtp();
	});
	afterEach(() => {
		smtp.received.length = 0;
		smtp.envelopes.length = 0;
		smtp.failNext(0, 'temporary');
		smtp.slowDown(0);
	});
	afterAll(async () => {
		await smtp.close();
	});

	const statusOf = async (id: number) => ctx.db.selectFrom('mailOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	async function queueClassMail(recipient: string, locale: 'nl' | 'en', n = 0) {
		return enqueueMail(ctx.db, {
			recipient,
			locale,
			mail: {
				template: 'class_enrolled',
				params: { name: 'Lies', className: `1A${n}`, edition: 'PAARS 2027', campus: 'Sint-Maarten – Campus Centrum', url: 'http://localhost:3000/teacher' }
			},
			dedupeKey: `test:${recipient}:${n}`
		});
	}

	it('delivers a mail in the recipient’s language, with the one-time link filled in only on the way out', async () => {
		await ctx.db
			.insertInto('settings')
			.values([
				{ key: 'city_name', value: null, valueNl: 'Stad Kortrijk', valueEn: 'City of Kortrijk', updatedAt: nowDb(), updatedBy: null },
				{
					key: 'help_link_1',
					value: 'https://meldpunt.example.org',
					valueNl: 'Meldpunt Discriminatie',
					valueEn: 'Discrimination Reporting Point',
					updatedAt: nowDb(),
					updatedBy: null
				}
			])
			.execute();
		await createUser(ctx.db, { email: 'noor@example.org', roles: ['trainer'], name: 'Noor', locale: 'en' });
		await requestPasswordReset(ctx.db, { email: 'noor@example.org', locale: 'nl' });
		const [queued] = await outboxFor(ctx.db, 'noor@example.org');
		expect(queued.bodyText).not.toContain(queued.secretLink!);

		const result = await deliverDueMail(ctx.db, smtp.transport());
		expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
		const [mail] = smtp.received;
		expect(mail.subject).toBe('Choose a new password · City of Kortrijk');
		expect(mail.from?.value[0]).toEqual({ name: 'City of Kortrijk', address: 'no-reply@localhost' });
		expect(smtp.envelopes[0]).toEqual(['noor@example.org']);
		expect(mail.headers.get('content-language')).toBe('en');
		expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
		expect(mail.messageId).toBe(`<outbox-${queued.id}@localhost>`);
		expect(mail.text).toContain(`Choose a new password: ${queued.secretLink}`);
		expect(mail.html).toContain(`href="${queued.secretLink}"`);
		// The footer: who sends it, why, and where to find help or report discrimination.
		expect(mail.text).toContain('This mail comes from the school campaigns of City of Kortrijk.');
		expect(mail.text).toContain('You get it because someone asked for this for the account with this e-mail address.');
		expect(mail.text).toContain('Need help or want to report something?\nDiscrimination Reporting Point: https://meldpunt.example.org');
		expect(mail.html).toContain('<a href="https://meldpunt.example.org" style="color:#555">Discrimination Reporting Point</a>');
		const row = await statusOf(queued.id);
		expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, leaseOwner: null });
		expect(row.sentAt).not.toBeNull();
		// Sent is sent: a second run finds nothing to do.
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 0, failed: 0 });
		expect(smtp.received).toHaveLength(1);
	});

	it('retries a mail the server refused for now, with growing pauses, and delivers it later', async () => {
		const advance = freezeClock('2027-05-10T08:00:00Z');
		const id = await queueClassMail('lies@example.org', 'nl');
		smtp.failNext(2, 'temporary');
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 1, failed: 0 });
		let row = await statusOf(id);
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.lastError).toContain('Try again later');
		expect(row.nextAttemptAt).toBe('2027-05-10 08:01:00.000');
		// Not due yet: nothing happens.
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 0, failed: 0 });
		advance(retryDelayMs(1));
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 1, failed: 0 });
		row = await statusOf(id);
		expect(row.nextAttemptAt).toBe('2027-05-10 08:06:00.000');
		advance(retryDelayMs(2));
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 1, retried: 0, failed: 0 });
		expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
		expect(smtp.received.map((m) => m.subject)).toEqual(['Ingeschreven: 1A0 voor PAARS 2027']);
	});

	it('retries a mail whose connection dropped in the middle of the message', async () => {
		const advance = freezeClock('2027-05-10T08:00:00Z');
		const id = await queueClassMail('lies@example.org', 'nl');
		smtp.failNext(1, 'drop');
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 1, failed: 0 });
		expect(smtp.received).toHaveLength(0);
		advance(minutes(1));
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 1, retried: 0, failed: 0 });
		expect((await statusOf(id)).status).toBe('sent');
	});

	it('retries a mail when the server does not answer at all (time-out)', async () => {
		freezeClock('2027-05-10T08:00:00Z');
		const silent = await startSilentServer();
		try {
			const id = await queueClassMail('lies@example.org', 'nl');
			const transport = makeTransport(silent.url, { connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 500 });
			expect(await deliverDueMail(ctx.db, transport)).toEqual({ sent: 0, retried: 1, failed: 0 });
			const row = await statusOf(id);
			expect(row).toMatchObject({ status: 'pending', attempts: 1 });
			expect(row.lastError).toMatch(/greeting|timeout/i);
			transport.close();
		} finally {
			await silent.close();
		}
	});

	it('marks a mail failed when the server refuses it for good, and a coordinator can send it again', async () => {
		freezeClock('2027-05-10T08:00:00Z');
		const id = await queueClassMail('weg@example.org', 'nl');
		smtp.failNext(1, 'permanent');
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 0, failed: 1 });
		const row = await statusOf(id);
		expect(row.status).toBe('failed');
		expect(row.lastError).toContain('Mailbox unavailable');
		// A failed mail stays failed until a coordinator asks for it again.
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 0, retried: 0, failed: 0 });
		await expect(retryFailedMail(ctx.db, { ...coordinator, roles: ['teacher'] }, id)).rejects.toMatchObject({ status: 403 });
		await retryFailedMail(ctx.db, coordinator, id);
		expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
		await expect(retryFailedMail(ctx.db, coordinator, id)).rejects.toMatchObject({ messageKey: 'ntf_retry_not_failed' });
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 1, retried: 0, failed: 0 });
		const audit = await ctx.db.selectFrom('auditLog').select('action').where('entityType', '=', 'mail').execute();
		expect(audit.map((a) => a.action)).toEqual(['mail.retried']);
	});

	it('gives up after the maximum number of attempts, without losing the mail', async () => {
		const advance = freezeClock('2027-05-10T08:00:00Z');
		const id = await queueClassMail('lies@example.org', 'nl');
		smtp.failNext(100, 'temporary');
		const outcomes: string[] = [];
		for (let attempt = 1; attempt <= 8; attempt++) {
			const r = await deliverDueMail(ctx.db, smtp.transport());
			outcomes.push(r.failed ? 'failed' : r.retried ? 'retried' : 'none');
			advance(retryDelayMs(attempt));
		}
		expect(outcomes).toEqual([...Array(7).fill('retried'), 'failed']);
		expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: 8 });
		smtp.failNext(0, 'temporary');
		expect(await retryAllFailedMail(ctx.db, coordinator)).toBe(1);
		expect(await deliverDueMail(ctx.db, smtp.transport())).toEqual({ sent: 1, retried: 0, failed: 0 });
	});

	it('takes over a mail whose sender died mid-send once its lease ran out, and leaves live leases alone', async () => {
		const advance = freezeClock('2027-05-10T08:00:00Z');
		const dead = await queueClassMail('a@example.org', 'nl', 1);
		const busy = await queueClassMail('b@example.org', 'nl', 2);
		await ctx.db
			.updateTable('mailOutbox')
			.set({ status: 'sending', leaseOwner: 'gone:1', leaseUntil: '2027-05-10 07:59:00.000', attempts: 1 })
			.where('id', '=', dead)
			.execute();
		await ctx.db
			.updateTable('mailOutbox')
			.set({ status: 'sending', leaseOwner: 'alive:2', leaseUntil: '2027-05-10 08:09:00.000', attempts: 1 })
			.where('id', '=', busy)
			.execute();
		expect(await deliverDueMail(ctx.db, smtp.transport(), { owner: 'me' })).toEqual({ sent: 1, retried: 0, failed: 0 });
		expect(smtp.envelopes).toEqual([['a@example.org']]);
		expect(await statusOf(dead)).toMatchObject({ status: 'sent', attempts: 2 });
		expect((await statusOf(busy)).status).toBe('sending');
		advance(minutes(10));
		expect(await deliverDueMail(ctx.db, smtp.transport(), { owner: 'me' })).toEqual({ sent: 1, retried: 0, failed: 0 });
	});

	it('two senders at once deliver every mail exactly once', async () => {
		freezeClock('2027-05-10T08:00:00Z');
		const ids: number[] = [];
		for (let i = 0; i < 60; i++) ids.push(await queueClassMail(`teacher${i}@example.org`, i % 2 ? 'en' : 'nl', i));
		// A server that takes a moment per mail, so both senders are busy at the same time.
		smtp.slowDown(15);
		const [a, b] = await Promise.all([
			deliverDueMail(ctx.db, smtp.transport(), { owner: 'app-1' }),
			deliverDueMail(ctx.db, smtp.transport(), { owner: 'app-2' })
		]);
		expect(a.sent + b.sent).toBe(60);
		const messageIds = smtp.received.map((m) => m.messageId);
		expect(new Set(messageIds).size).toBe(60);
		expect(messageIds.sort()).toEqual(ids.map((id) => `<outbox-${id}@localhost>`).sort());
		const statuses = await ctx.db.selectFrom('mailOutbox').select(['status', 'attempts']).execute();
		expect(statuses.filter((s) => s.status !== 'sent' || s.attempts !== 1)).toEqual([]);
		// On MariaDB both really worked in parallel (SKIP LOCKED handed them different rows).
		if (dialect === 'mysql') expect({ a: a.sent > 0, b: b.sent > 0 }).toEqual({ a: true, b: true });
	});

	it('logs delivery without the full recipient address', async () => {
		const writes: string[] = [];
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			writes.push(String(chunk));
			return true;
		});
		vi.stubEnv('LOG_IN_TESTS', '1');
		try {
			await queueClassMail('lies.peeters@example.org', 'nl');
			smtp.failNext(1, 'permanent');
			await deliverDueMail(ctx.db, smtp.transport());
		} finally {
			spy.mockRestore();
			vi.unstubAllEnvs();
		}
		const log = writes.join('');
		expect(log).toContain('mail failed');
		expect(log).toContain('l***@example.org');
		expect(log).not.toContain('lies.peeters@example.org');
	});
});
