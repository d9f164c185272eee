import { expect, it } from 'vitest';
import { issueToken } from '../../src/lib/server/auth/one-time-token';
import { bucket, recordFailure } from '../../src/lib/server/auth/rate-limit';
import { hours } from '../../src/lib/server/db/time';
import { confirmEmail, registerTeacher } from '../../src/lib/server/users/registration.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { count, createCampus, createUser, goodPassword } from './support/fixtures';

/**
 * Races decided by the database. On MariaDB these run on real parallel
 * connections; on SQLite Kysely serialises them on one connection, so there they
 * only prove the outcome, not the race.
 */
describeEachDatabase('concurrency', (dialect) => {
	const ctx = useDatabase(dialect, { poolSize: 12 });

	it('lets a one-time link be used exactly once when ten requests use it at the same moment', async () => {
		const userId = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'], confirmed: false });
		const token = await issueToken(ctx.db, userId, 'email_confirm');
		const results = await Promise.allSettled(Array.from({ length: 10 }, () => confirmEmail(ctx.db, token)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.messageKey);
		expect(reasons).toEqual(Array(9).fill('error_link_invalid'));
		expect(await ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'user.email_confirmed').execute()).toHaveLength(1);
	});

	it('creates one account when eight registrations with the same address arrive together', async () => {
		const campus = await createCampus(ctx.db);
		const attempt = (i: number) =>
			registerTeacher(ctx.db, { displayName: `Twin ${i}`, email: i % 2 ? 'twin@school.be' : 'TWIN@school.be', password: goodPassword, inviteCode: campus.inviteCode, locale: 'nl' });
		const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => attempt(i)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason.messageKey).toBe('error_email_taken');
		expect(await count(ctx.db, 'users')).toBe(1);
		expect(await count(ctx.db, 'mailOutbox')).toBe(1);
		expect(await count(ctx.db, 'teacherCampuses')).toBe(1);
	});

	it('counts every one of twenty simultaneous failed logins (no lost update)', async () => {
		const name = bucket('login-a', '198.51.100.1');
		const rule = { limit: 1000, windowMs: hours(1), blockMs: () => 0 };
		await Promise.all(Array.from({ length: 20 }, () => recordFailure(ctx.db, name, rule)));
		const row = await ctx.db.selectFrom('rateLimits').selectAll().where('bucket', '=', name).executeTakeFirstOrThrow();
		expect(row.hits).toBe(20);
	});
});
