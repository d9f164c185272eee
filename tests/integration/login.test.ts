import { expect, it } from 'vitest';
import { login } from '../../src/lib/server/auth/login.service';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { minutes } from '../../src/lib/server/db/time';
import { RateLimitedError, ValidationError } from '../../src/lib/server/errors';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createUser, goodPassword } from './support/fixtures';

const at = (address: string, email = 'Lies@School.be', password = goodPassword) => ({
	email,
	password,
	address,
	userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0'
});

async function failLogin(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof RateLimitedError) return 'rate_limited';
		if (err instanceof ValidationError) return err.messageKey;
		throw err;
	}
	return 'ok';
}

describeEachDatabase('login', (dialect) => {
	const ctx = useDatabase(dialect);

	it('logs in with the right password whatever the case of the address, and starts a session', async () => {
		const userId = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const result = await login(ctx.db, at('10.0.0.1'));
		const session = await validateSessionToken(ctx.db, result.token);
		expect(session?.user.id).toBe(userId);
		expect(session?.user.roles).toEqual(['teacher']);
		const row = await ctx.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
		expect(row.id).not.toContain(result.token); // only the hash is stored
		expect(row.deviceLabel).toBe('Chrome · Windows');
	});

	it('gives one answer for a wrong password and for an unknown account', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		expect(await failLogin(login(ctx.db, at('10.0.0.1', 'lies@school.be', 'wrong password!')))).toBe('error_login_invalid');
		expect(await failLogin(login(ctx.db, at('10.0.0.1', 'nobody@school.be')))).toBe('error_login_invalid');
	});

	it('refuses disabled and unconfirmed accounts, and only tells someone who knows the password', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
		expect(await failLogin(login(ctx.db, at('10.0.0.1')))).toBe('error_login_disabled');
		expect(await failLogin(login(ctx.db, at('10.0.0.1', 'lies@school.be', 'wrong password!')))).toBe('error_login_invalid');
		await createUser(ctx.db, { email: 'new@school.be', roles: ['teacher'], confirmed: false });
		expect(await failLogin(login(ctx.db, at('10.0.0.1', 'new@school.be')))).toBe('error_login_unconfirmed');
		expect(await ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});

	it('blocks an account from one address after five failures, with a delay that grows, while other addresses still get in', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const advance = freezeClock('2027-03-01T09:00:00Z');
		for (let i = 0; i < 5; i++) expect(await failLogin(login(ctx.db, at('10.0.0.1', undefined, 'wrong password!')))).toBe('error_login_invalid');
		// Even the right password is refused while blocked: the attacker learns nothing.
		expect(await failLogin(login(ctx.db, at('10.0.0.1')))).toBe('rate_limited');
		// A colleague's browser at another address is not affected.
		expect(await failLogin(login(ctx.db, at('10.0.0.2')))).toBe('ok');
		advance(16_000);
		expect(await failLogin(login(ctx.db, at('10.0.0.1', undefined, 'wrong password!')))).toBe('error_login_invalid');
		const blocked = await ctx.db.selectFrom('rateLimits').select(['blockedUntil']).where('blockedUntil', 'is not', null).execute();
		expect(blocked.length).toBeGreaterThan(0);
		// The fifth failure in the window blocked for 15 s; the sixth doubles it to 30 s.
		advance(16_000);
		expect(await failLogin(login(ctx.db, at('10.0.0.1')))).toBe('rate_limited');
		advance(15_000);
		expect(await failLogin(login(ctx.db, at('10.0.0.1')))).toBe('ok');
	});

	it('answers 429 with the seconds to wait', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		freezeClock('2027-03-01T09:00:00Z');
		for (let i = 0; i < 6; i++) await failLogin(login(ctx.db, at('10.0.0.1', undefined, 'wrong password!')));
		const err = await login(ctx.db, at('10.0.0.1')).catch((e) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err.status).toBe(429);
		expect(err.retryAfterSeconds).toBeGreaterThan(0);
		expect(err.retryAfterSeconds).toBeLessThanOrEqual(15);
	});

	it('lets a whole school behind one address log in despite many failures of other accounts', async () => {
		freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		// 60 teachers each mistyping their password twice: 120 failures from one NAT address.
		for (let i = 0; i < 60; i++) {
			for (let j = 0; j < 2; j++) await failLogin(login(ctx.db, at('192.0.2.7', `t${i}@school.be`, 'mistyped password')));
		}
		expect(await failLogin(login(ctx.db, at('192.0.2.7')))).toBe('ok');
	});

	it('never locks an account out: failures from many addresses only delay it briefly', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const advance = freezeClock('2027-03-01T09:00:00Z');
		for (let i = 0; i < 30; i++) await failLogin(login(ctx.db, at(`203.0.113.${i}`, undefined, 'guess guess guess')));
		const first = await failLogin(login(ctx.db, at('10.9.9.9')));
		expect(first).toBe('rate_limited');
		advance(minutes(0.5));
		expect(await failLogin(login(ctx.db, at('10.9.9.9')))).toBe('ok');
	});

	it('forgets old failures once the window has passed', async () => {
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const advance = freezeClock('2027-03-01T09:00:00Z');
		for (let i = 0; i < 4; i++) await failLogin(login(ctx.db, at('10.0.0.1', undefined, 'wrong password!')));
		advance(minutes(16));
		for (let i = 0; i < 4; i++) await failLogin(login(ctx.db, at('10.0.0.1', undefined, 'wrong password!')));
		expect(await failLogin(login(ctx.db, at('10.0.0.1')))).toBe('ok');
	});
});
