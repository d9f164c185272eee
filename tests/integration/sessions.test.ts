import { expect, it } from 'vitest';
import { createSession, invalidateSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { hours } from '../../src/lib/server/db/time';
import { forgetAllSessions } from '../../src/lib/server/auth/session-cache';
import { inviteUser, setUserDisabled, setUserLocale } from '../../src/lib/server/users/user-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createOrganisation, createUser } from './support/fixtures';
import { countingDb } from './support/query-count';

describeEachDatabase('sessions', (dialect) => {
	const ctx = useDatabase(dialect);

	it('ends after 48 idle hours', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher'] });
		const { token } = await createSession(ctx.db, userId, 'Firefox · Linux');
		advance(hours(47));
		expect(await validateSessionToken(ctx.db, token)).not.toBeNull();
		advance(hours(49));
		expect(await validateSessionToken(ctx.db, token)).toBeNull();
		expect(await ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});

	it('is extended only when less than half its idle life is left, so most requests write nothing', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher'] });
		const { token } = await createSession(ctx.db, userId, '');
		const before = await ctx.db.selectFrom('sessions').select(['lastSeenAt', 'idleExpiresAt']).executeTakeFirstOrThrow();
		advance(hours(10));
		expect((await validateSessionToken(ctx.db, token))!.extended).toBe(false);
		expect(await ctx.db.selectFrom('sessions').select(['lastSeenAt', 'idleExpiresAt']).executeTakeFirstOrThrow()).toEqual(before);
		advance(hours(20));
		const session = await validateSessionToken(ctx.db, token);
		expect(session!.extended).toBe(true);
		const after = await ctx.db.selectFrom('sessions').select(['lastSeenAt', 'idleExpiresAt']).executeTakeFirstOrThrow();
		expect(after.lastSeenAt).not.toEqual(before.lastSeenAt);
		expect(session!.expiresAt.toISOString()).toBe('2027-03-04T15:00:00.000Z'); // 30 h + 48 h
	});

	it('ends 14 days after login however active the user is', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher'] });
		const { token } = await createSession(ctx.db, userId, '');
		// Active every 25 hours: each visit extends the idle expiry, 13 times (325 h).
		for (let d = 0; d < 13; d++) {
			advance(hours(25));
			expect(await validateSessionToken(ctx.db, token)).not.toBeNull();
		}
		advance(hours(12)); // 337 h > 14 days, though only 12 h idle
		expect(await validateSessionToken(ctx.db, token)).toBeNull();
	});

	it('ends at logout, and every session of an account ends when a coordinator disables it', async () => {
		const coordinator = await createUser(ctx.db, { email: 'c@stad.be', roles: ['coordinator'], name: 'Griet' });
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['trainer'] });
		const one = await createSession(ctx.db, userId, '');
		const two = await createSession(ctx.db, userId, '');
		const three = await createSession(ctx.db, userId, '');
		const s1 = await validateSessionToken(ctx.db, one.token);
		await invalidateSession(ctx.db, s1!.id);
		expect(await validateSessionToken(ctx.db, one.token)).toBeNull();
		expect(await validateSessionToken(ctx.db, two.token)).not.toBeNull();
		await setUserDisabled(ctx.db, { id: coordinator, displayName: 'Griet', roles: ['coordinator'] }, userId, true);
		expect(await validateSessionToken(ctx.db, two.token)).toBeNull();
		expect(await validateSessionToken(ctx.db, three.token)).toBeNull();
		const entry = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.disabled').executeTakeFirstOrThrow();
		expect(entry.actorUserId).toBe(coordinator);
		expect(entry.entityId).toBe(String(userId));
	});

	it('does not accept a made-up or tampered token', async () => {
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher'] });
		const { token } = await createSession(ctx.db, userId, '');
		expect(await validateSessionToken(ctx.db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
		expect(await validateSessionToken(ctx.db, '')).toBeNull();
	});

	it('reads session, user and roles in one query, and not again while the user clicks on', async () => {
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher', 'trainer'] });
		const { token } = await createSession(ctx.db, userId, '');
		forgetAllSessions();
		const counting = countingDb(ctx.db);
		const first = await validateSessionToken(counting.db, token);
		expect(first!.user.roles.sort()).toEqual(['teacher', 'trainer']);
		expect(counting.queries()).toBe(1);
		counting.reset();
		expect((await validateSessionToken(counting.db, token))!.user).toEqual(first!.user);
		expect(counting.queries()).toBe(0);
	});

	it('sees a new role, a new language and a disabled account at the very next request', async () => {
		const coordinator = {
			id: await createUser(ctx.db, { email: 'c@stad.be', roles: ['coordinator'], name: 'Griet' }),
			displayName: 'Griet',
			roles: ['coordinator' as const]
		};
		const orgId = await createOrganisation(ctx.db);
		const userId = await createUser(ctx.db, { email: 'a@school.be', roles: ['teacher'] });
		const { token } = await createSession(ctx.db, userId, '');
		expect((await validateSessionToken(ctx.db, token))!.user.roles).toEqual(['teacher']);
		await inviteUser(ctx.db, coordinator, { email: 'a@school.be', displayName: 'A', role: 'trainer', organisationId: orgId, locale: 'nl' });
		expect((await validateSessionToken(ctx.db, token))!.user.roles.sort()).toEqual(['teacher', 'trainer']);
		await setUserLocale(ctx.db, userId, 'en');
		expect((await validateSessionToken(ctx.db, token))!.user.locale).toBe('en');
		await setUserDisabled(ctx.db, coordinator, userId, true);
		expect(await validateSessionToken(ctx.db, token)).toBeNull();
	});
});
