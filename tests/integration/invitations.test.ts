import { expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { days } from '../../src/lib/server/db/time';
import { acceptInvite } from '../../src/lib/server/users/registration.service';
import { inviteUser } from '../../src/lib/server/users/user-admin.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createOrganisation, createUser, goodPassword, outboxFor, tokenFromLink } from './support/fixtures';

describeEachDatabase('invitations', (dialect) => {
	const ctx = useDatabase(dialect);

	async function coordinator() {
		const id = await createUser(ctx.db, { email: 'griet@stad.be', roles: ['coordinator'], name: 'Griet Coppens' });
		return { id, displayName: 'Griet Coppens', roles: ['coordinator' as const] };
	}

	it('invites a trainer in their language; the link sets the password, confirms the address and logs in', async () => {
		const actor = await coordinator();
		const org = await createOrganisation(ctx.db, 'çavaria');
		const invite = { email: 'Sami@Cavaria.be', displayName: 'Sami', role: 'trainer' as const, organisationId: org, locale: 'en' as const };
		expect(await inviteUser(ctx.db, actor, invite)).toBe('invited');
		const [mail] = await outboxFor(ctx.db, 'Sami@Cavaria.be');
		expect(mail.locale).toBe('en');
		expect(mail.subject).toContain('You have been invited');
		expect(mail.bodyText).toContain('Griet Coppens invites you as trainer');
		const session = await acceptInvite(ctx.db, { token: tokenFromLink(mail.secretLink), displayName: 'Sami Benali', password: goodPassword, deviceLabel: '' });
		const user = (await validateSessionToken(ctx.db, session.token))!.user;
		expect(user).toMatchObject({ displayName: 'Sami Benali', roles: ['trainer'], organisationId: org, locale: 'en' });
		await expect(
			acceptInvite(ctx.db, { token: tokenFromLink(mail.secretLink), displayName: 'X', password: goodPassword, deviceLabel: '' })
		).rejects.toMatchObject({
			messageKey: 'error_link_invalid'
		});
	});

	it('expires an invitation after seven days', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const actor = await coordinator();
		await inviteUser(ctx.db, actor, { email: 'new@stad.be', displayName: 'New', role: 'coordinator', organisationId: null, locale: 'nl' });
		const [mail] = await outboxFor(ctx.db, 'new@stad.be');
		advance(days(7) + 1);
		await expect(
			acceptInvite(ctx.db, { token: tokenFromLink(mail.secretLink), displayName: 'New', password: goodPassword, deviceLabel: '' })
		).rejects.toMatchObject({
			messageKey: 'error_link_invalid'
		});
	});

	it('adds the role to an existing account instead of a second account, and refuses a role it has', async () => {
		const actor = await coordinator();
		const org = await createOrganisation(ctx.db);
		const teacher = await createUser(ctx.db, { email: 'jelle@school.be', roles: ['teacher'] });
		expect(await inviteUser(ctx.db, actor, { email: 'JELLE@school.be', displayName: 'Jelle', role: 'trainer', organisationId: org, locale: 'nl' })).toBe(
			'role_added'
		);
		const roles = await ctx.db.selectFrom('userRoles').select('role').where('userId', '=', teacher).orderBy('role').execute();
		expect(roles.map((r) => r.role)).toEqual(['teacher', 'trainer']);
		await expect(
			inviteUser(ctx.db, actor, { email: 'jelle@school.be', displayName: 'Jelle', role: 'trainer', organisationId: org, locale: 'nl' })
		).rejects.toMatchObject({
			messageKey: 'error_role_already_held',
			field: 'email'
		});
		expect(await count(ctx.db, 'users')).toBe(2);
	});

	it('is for coordinators only, and a trainer needs an organisation', async () => {
		const trainer = await createUser(ctx.db, { email: 't@weljong.be', roles: ['trainer'] });
		await expect(
			inviteUser(
				ctx.db,
				{ id: trainer, displayName: 'T', roles: ['trainer'] },
				{ email: 'x@y.be', displayName: 'X', role: 'coordinator', organisationId: null, locale: 'nl' }
			)
		).rejects.toMatchObject({ status: 403 });
		const actor = await coordinator();
		await expect(inviteUser(ctx.db, actor, { email: 'x@y.be', displayName: 'X', role: 'trainer', organisationId: null, locale: 'nl' })).rejects.toMatchObject({
			field: 'organisationId'
		});
		expect(await count(ctx.db, 'users')).toBe(2);
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
	});
});
