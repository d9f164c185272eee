import { beforeEach, expect, it, vi } from 'vitest';
import { requestLoginLink } from '../../src/lib/server/auth/login-link.service';
import { login } from '../../src/lib/server/auth/login.service';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset.service';
import { RateLimitedError, ValidationError } from '../../src/lib/server/errors';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser, outboxFor } from './support/fixtures';

// Counts the passwords really checked: the number an attacker gets to try.
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/lib/server/auth/password', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../src/lib/server/auth/password')>();
	return {
		...real,
		verifyPassword: (hash: string, password: string) => {
			verified.count++;
			return real.verifyPassword(hash, password);
		}
	};
});

const answerOf = (r: PromiseSettledResult<unknown>) =>
	r.status === 'fulfilled'
		? 'ok'
		: r.reason instanceof RateLimitedError
			? 'rate_limited'
			: r.reason instanceof ValidationError
				? r.reason.messageKey
				: String(r.reason);

const tally = (answers: string[]) => Object.fromEntries([...new Set(answers)].map((a) => [a, answers.filter((x) => x === a).length]));

/**
 * The limit must hold when the guesses arrive together: before, 50 simultaneous
 * wrong passwords had 17 checked on MariaDB and 9 on SQLite where 5 are allowed.
 * On MariaDB the logins run on 25 real connections.
 */
describeEachDatabase('login limit under parallel requests', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 25 });
	beforeEach(() => {
		verified.count = 0;
		// A frozen clock: the account-wide block lasts 1 s, which a slow run could outlast.
		freezeClock('2027-03-01T09:00:00Z');
	});

	it('checks at most 5 of 50 simultaneous wrong passwords for one account from one address; the rest are refused unchecked', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const guess = (i: number) => login(ctx.db, { email: 'lies@school.be', password: `guess number ${i}`, address: '198.51.100.7', userAgent: null });
		const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => guess(i)));
		expect(tally(results.map(answerOf))).toEqual({ error_login_invalid: 5, rate_limited: 45 });
		expect(verified.count).toBe(5);
	});

	it('checks at most 20 of 50 simultaneous wrong passwords for one account from 50 addresses', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const guess = (i: number) => login(ctx.db, { email: 'lies@school.be', password: `guess number ${i}`, address: `203.0.113.${i}`, userAgent: null });
		const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => guess(i)));
		expect(tally(results.map(answerOf))).toEqual({ error_login_invalid: 20, rate_limited: 30 });
		expect(verified.count).toBe(20);
	});

	it('does not count right passwords against a shared address: 30 colleagues logging in together leave it unblocked', async () => {
		for (let i = 0; i < 30; i++) await createUser(ctx.db, { email: `t${i}@school.be`, roles: ['teacher'] });
		const results = await Promise.allSettled(
			Array.from({ length: 30 }, (_, i) =>
				login(ctx.db, { email: `t${i}@school.be`, password: 'Paarse polsbandjes 2027', address: '192.0.2.7', userAgent: null })
			)
		);
		expect(tally(results.map(answerOf))).toEqual({ ok: 30 });
		const row = await ctx.db.selectFrom('rateLimits').selectAll().where('hits', '>', 0).execute();
		expect(row).toEqual([]);
	});

	// The mail-sending limits had the same check-then-count gap: their mails are what a flood would multiply.
	it('queues 3 reset mails and 5 login links for one address out of 50 simultaneous requests of each', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await Promise.allSettled(Array.from({ length: 50 }, () => requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' })));
		await Promise.allSettled(Array.from({ length: 50 }, (_, i) => requestLoginLink(ctx.db, { email: 'lies@school.be', ip: `203.0.113.${i}`, locale: 'nl' })));
		const mails = (await outboxFor(ctx.db, 'lies@school.be')).map((m) => m.template);
		expect(tally(mails)).toEqual({ password_reset: 3, login_link: 5 });
	});
});
