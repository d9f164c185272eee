import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '../../src/lib/server/config';
import { RateLimitedError, ValidationError } from '../../src/lib/server/errors';
import { registerTeacher } from '../../src/lib/server/users/registration.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createCampus, createUser, goodPassword, outboxFor } from './support/fixtures';

// Counts argon2 hashes: the cost a registration post puts on the server.
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/lib/server/auth/password', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../src/lib/server/auth/password')>();
	return {
		...real,
		hashPassword: (password: string) => {
			hashed.count++;
			return real.hashPassword(password);
		}
	};
});

const post = (inviteCode: string, email: string, address = '10.0.0.1') => ({
	displayName: 'Zoë Peeters',
	email,
	password: goodPassword,
	inviteCode,
	locale: 'nl' as const,
	address
});

const answerOf = (r: PromiseSettledResult<{ userId: number | null }>) =>
	r.status === 'fulfilled'
		? r.value.userId === null
			? 'check your mail (existing)'
			: 'check your mail (new)'
		: r.reason instanceof RateLimitedError || r.reason instanceof ValidationError
			? r.reason.messageKey
			: String(r.reason);

const tally = (answers: string[]) => Object.fromEntries([...new Set(answers)].map((a) => [a, answers.filter((x) => x === a).length]));

/** What issue 13 found open on /register: a hash before the code check, no limit, an answer that told who has an account. */
describeEachDatabase('registration limits and answers', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 25 });
	beforeEach(() => {
		hashed.count = 0;
		freezeClock('2027-03-01T09:00:00Z');
	});
	afterEach(() => {
		delete process.env.REGISTRATIONS_PER_CLIENT_ADDRESS;
		resetConfigForTests();
	});

	it('refuses a wrong campus code without hashing the password and without mailing anyone', async () => {
		await createCampus(ctx.db);
		hashed.count = 0;
		const results = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => registerTeacher(ctx.db, post('ZZZZ-ZZZZ-ZZZZ', `t${i}@school.be`))));
		expect(tally(results.map(answerOf))).toEqual({ error_invite_code_unknown: 16 });
		expect(hashed.count).toBe(0);
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		expect(await count(ctx.db, 'users')).toBe(0);
	});

	it('answers an address with an account as a new one, hashes in both cases, and mails the holder in their language', async () => {
		const campus = await createCampus(ctx.db);
		await createUser(ctx.db, { email: 'Lies@School.be', roles: ['teacher'], locale: 'en' });
		hashed.count = 0;
		expect(await registerTeacher(ctx.db, post(campus.inviteCode, 'lies@school.be'))).toEqual({ userId: null });
		expect(hashed.count).toBe(1); // as long as a new registration takes
		const [mail, ...others] = await outboxFor(ctx.db, 'Lies@School.be');
		expect(others).toEqual([]);
		expect(mail.template).toBe('register_existing');
		expect(mail.subject).toContain('Someone tried to create an account with your e-mail address');
		expect(mail.bodyText).toContain('/forgot-password');
		expect(mail.bodyText).toContain('/login');
		expect(mail.bodyText).not.toContain(campus.inviteCode); // the stranger's code stays out
		expect(mail.secretLink).toBeNull();
		expect(await count(ctx.db, 'users')).toBe(1);
		// A new address: the same answer, a confirmation mail.
		const fresh = await registerTeacher(ctx.db, post(campus.inviteCode, 'wout@school.be'));
		expect(fresh.userId).toEqual(expect.any(Number));
		expect((await outboxFor(ctx.db, 'wout@school.be')).map((m) => m.template)).toEqual(['email_confirm']);
	});

	it('lets 5 of 50 simultaneous registrations for one address through (one account, four notices); the other 45 are refused unhashed and unmailed', async () => {
		const campus = await createCampus(ctx.db);
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, (_, i) => registerTeacher(ctx.db, post(campus.inviteCode, 'zoe@school.be', `203.0.113.${i}`)))
		);
		expect(tally(results.map(answerOf))).toEqual({ 'check your mail (new)': 1, 'check your mail (existing)': 4, auth_register_rate_limited: 45 });
		expect(hashed.count).toBe(5);
		expect(await count(ctx.db, 'users')).toBe(1);
		expect((await outboxFor(ctx.db, 'zoe@school.be')).map((m) => m.template).sort()).toEqual(['email_confirm', ...Array(4).fill('register_existing')]);
		expect(await count(ctx.db, 'mailOutbox')).toBe(5);
	});

	it('limits posts per client address across e-mail addresses, wrong codes included, 50 at once', async () => {
		process.env.REGISTRATIONS_PER_CLIENT_ADDRESS = '10';
		resetConfigForTests();
		const campus = await createCampus(ctx.db);
		// Three wrong codes count against the address too.
		for (let i = 0; i < 3; i++) await registerTeacher(ctx.db, post('ZZZZ-ZZZZ-ZZZZ', `guess${i}@school.be`, '192.0.2.9')).catch(() => null);
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, (_, i) => registerTeacher(ctx.db, post(campus.inviteCode, `t${i}@school.be`, '192.0.2.9')))
		);
		expect(tally(results.map(answerOf))).toEqual({ 'check your mail (new)': 7, auth_register_rate_limited: 43 });
		expect(hashed.count).toBe(7);
		// Refused posts mailed nobody: only the seven new accounts got a mail.
		expect(await count(ctx.db, 'mailOutbox')).toBe(7);
		// Another client address is not affected.
		expect((await registerTeacher(ctx.db, post(campus.inviteCode, 'other@school.be', '192.0.2.10'))).userId).toEqual(expect.any(Number));
	});

	it('tells the rate-limited how long to wait, in minutes, and lets them in after the window', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const campus = await createCampus(ctx.db);
		for (let i = 0; i < 5; i++) await registerTeacher(ctx.db, post(campus.inviteCode, 'zoe@school.be'));
		const err = await registerTeacher(ctx.db, post(campus.inviteCode, 'ZOE@school.be')).catch((e) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err.status).toBe(429);
		expect(err.params.minutes).toBe(60);
		advance(60 * 60_000 + 1000);
		expect(await registerTeacher(ctx.db, post(campus.inviteCode, 'zoe@school.be'))).toEqual({ userId: null });
	});
});
