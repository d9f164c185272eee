import { expect, it } from 'vitest';
import { LoginLinkRateLimitedError, loginLinkBuckets, loginLinkRules, requestLoginLink, useLoginLink } from '../../src/lib/server/auth/login-link.service';
import { recordFailure } from '../../src/lib/server/auth/rate-limit';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { publicOrigin } from '../../src/lib/server/config';
import { emailKey } from '../../src/lib/server/db/keys';
import { minutes } from '../../src/lib/server/db/time';
import { secretLinkPlaceholder } from '../../src/lib/server/mail/secret-link';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createUser, outboxFor, tokenFromLink } from './support/fixtures';

const ask = (email: string, ip = '10.0.0.1', next?: string) => ({ email, ip, locale: 'nl' as const, next });
const seconds = (n: number) => n * 1000;
const browser = { userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0' };

/** What a request answered: nothing (the usual answer) or the rate limit's message key. */
async function answer(promise: Promise<void>): Promise<string> {
	try {
		await promise;
		return 'same answer';
	} catch (err) {
		if (err instanceof LoginLinkRateLimitedError) return `${err.messageKey} ${err.params.minutes}`;
		throw err;
	}
}

describeEachDatabase('login links', (dialect) => {
	const ctx = useDatabase(dialect);

	it('mails a one-time link in the account’s language; the outbox body holds only the placeholder', async () => {
		const id = await createUser(ctx.db, { email: 'noor@school.be', name: 'Noor', roles: ['trainer'], locale: 'en' });
		expect(await answer(requestLoginLink(ctx.db, ask(' NOOR@school.be ')))).toBe('same answer');

		const [mail] = await outboxFor(ctx.db, 'noor@school.be');
		expect(mail).toMatchObject({ template: 'login_link', locale: 'en' });
		expect(mail.subject).toMatch(/^Your login link · /);
		expect(mail.bodyText).toContain('Hello Noor,');
		expect(mail.bodyText).toContain(`Log in: ${secretLinkPlaceholder}`);
		expect(mail.bodyText).toContain('valid for 15 minutes and works once');
		expect(mail.bodyText).toContain('someone asked for a login link for the account with this e-mail address');
		expect(mail.secretLink).toMatch(new RegExp(`^${publicOrigin()}/login/link/[A-Za-z0-9_-]{20,}$`));
		const token = tokenFromLink(mail.secretLink);
		expect(mail.bodyText).not.toContain(token);
		expect(mail.bodyHtml).not.toContain(token);
		// Only the token's hash is stored.
		const stored = await ctx.db.selectFrom('authTokens').selectAll().where('userId', '=', id).execute();
		expect(stored).toHaveLength(1);
		expect(stored[0].tokenHash).not.toBe(token);
		const entries = await ctx.db.selectFrom('auditLog').select(['action', 'entityId']).execute();
		expect(entries).toEqual([{ action: 'user.login_link.requested', entityId: String(id) }]);
	});

	it('answers an unknown, a disabled and an unconfirmed address the same way, and mails none of them', async () => {
		const disabled = await createUser(ctx.db, { email: 'weg@school.be', roles: ['teacher'] });
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled).execute();
		await createUser(ctx.db, { email: 'nieuw@school.be', roles: ['teacher'], confirmed: false, password: null });
		for (const email of ['niemand@school.be', 'weg@school.be', 'nieuw@school.be']) {
			expect(await answer(requestLoginLink(ctx.db, ask(email)))).toBe('same answer');
		}
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		expect(await count(ctx.db, 'authTokens')).toBe(0);
	});

	it('logs in once: a session like a password login, then the link is refused', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestLoginLink(ctx.db, ask('lies@school.be'));
		const token = tokenFromLink((await outboxFor(ctx.db, 'lies@school.be'))[0].secretLink);

		const result = await useLoginLink(ctx.db, token, browser);
		const session = await validateSessionToken(ctx.db, result.token);
		expect(session?.user).toMatchObject({ id, roles: ['teacher'] });
		const user = await ctx.db.selectFrom('users').select('lastLoginAt').where('id', '=', id).executeTakeFirstOrThrow();
		expect(user.lastLoginAt).not.toBeNull();
		const session_ = await ctx.db.selectFrom('sessions').select('deviceLabel').executeTakeFirstOrThrow();
		expect(session_.deviceLabel).toBe('Chrome · Windows');
		const actions = (await ctx.db.selectFrom('auditLog').select('action').orderBy('id').execute()).map((r) => r.action);
		expect(actions).toEqual(['user.login_link.requested', 'user.login_link.used']);

		await expect(useLoginLink(ctx.db, token, browser)).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
		await expect(useLoginLink(ctx.db, 'bestaat-niet', browser)).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
		expect(await count(ctx.db, 'sessions')).toBe(1);
	});

	it('works for 15 minutes and not a second longer', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestLoginLink(ctx.db, ask('lies@school.be'));
		const early = tokenFromLink((await outboxFor(ctx.db, 'lies@school.be'))[0].secretLink);
		advance(minutes(15));
		await expect(useLoginLink(ctx.db, early, browser)).rejects.toMatchObject({ messageKey: 'error_link_invalid' });

		await requestLoginLink(ctx.db, ask('lies@school.be'));
		const fresh = tokenFromLink((await outboxFor(ctx.db, 'lies@school.be'))[0].secretLink);
		advance(minutes(15) - seconds(1));
		await expect(useLoginLink(ctx.db, fresh, browser)).resolves.toMatchObject({ locale: 'nl' });
	});

	it('a newer link replaces the older one', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestLoginLink(ctx.db, ask('lies@school.be'));
		await requestLoginLink(ctx.db, ask('lies@school.be'));
		const [newest, older] = await outboxFor(ctx.db, 'lies@school.be');
		await expect(useLoginLink(ctx.db, tokenFromLink(older.secretLink), browser)).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
		await expect(useLoginLink(ctx.db, tokenFromLink(newest.secretLink), browser)).resolves.toBeTruthy();
	});

	it('refuses a link whose account was disabled after it was sent', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestLoginLink(ctx.db, ask('lies@school.be'));
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
		const token = tokenFromLink((await outboxFor(ctx.db, 'lies@school.be'))[0].secretLink);
		await expect(useLoginLink(ctx.db, token, browser)).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
		expect(await count(ctx.db, 'sessions')).toBe(0);
	});

	it('five links per address per quarter hour, known or not; then "try again in 15 minutes"', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		for (const email of ['lies@school.be', 'niemand@school.be']) {
			for (let i = 0; i < 5; i++) expect(await answer(requestLoginLink(ctx.db, ask(email, `10.0.0.${i}`)))).toBe('same answer');
			expect(await answer(requestLoginLink(ctx.db, ask(email, '10.0.1.1')))).toBe('ll_error_too_many 15');
		}
		expect(await count(ctx.db, 'mailOutbox')).toBe(5);
		advance(minutes(14) + seconds(30));
		expect(await answer(requestLoginLink(ctx.db, ask('lies@school.be')))).toBe('ll_error_too_many_one 1');
		advance(seconds(31));
		expect(await answer(requestLoginLink(ctx.db, ask('lies@school.be')))).toBe('same answer');
		expect(await count(ctx.db, 'mailOutbox')).toBe(6);
	});

	it('a client address is limited too, generously: a school behind one NAT', async () => {
		freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const { client } = loginLinkBuckets(emailKey('x@school.be'), '192.0.2.7');
		// 99 earlier requests from this address, for as many different addresses.
		for (let i = 0; i < loginLinkRules.client.limit - 1; i++) await recordFailure(ctx.db, client, loginLinkRules.client);
		expect(await answer(requestLoginLink(ctx.db, ask('lies@school.be', '192.0.2.7')))).toBe('same answer');
		expect(await answer(requestLoginLink(ctx.db, ask('lies@school.be', '192.0.2.7')))).toBe('ll_error_too_many 15');
		expect(await answer(requestLoginLink(ctx.db, ask('lies@school.be', '192.0.2.8')))).toBe('same answer');
	});

	it('keeps a same-site place to land on after login, and drops any other', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestLoginLink(ctx.db, ask('lies@school.be', '10.0.0.1', '/teacher/kit'));
		await requestLoginLink(ctx.db, ask('lies@school.be', '10.0.0.1', '//evil.example/'));
		const [dropped, kept] = await outboxFor(ctx.db, 'lies@school.be');
		expect(kept.secretLink).toMatch(/\/login\/link\/[^/?]+\?next=%2Fteacher%2Fkit$/);
		expect(dropped.secretLink).toMatch(/\/login\/link\/[^/?]+$/);
	});
});
