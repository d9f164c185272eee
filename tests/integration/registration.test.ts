import { expect, it } from 'vitest';
import { login } from '../../src/lib/server/auth/login.service';
import { days } from '../../src/lib/server/db/time';
import { ValidationError } from '../../src/lib/server/errors';
import { formatInviteCode } from '../../src/lib/invite-code';
import { secretLinkPlaceholder } from '../../src/lib/server/mail/secret-link';
import { confirmEmail, registerTeacher } from '../../src/lib/server/users/registration.service';
import { regenerateInviteCode } from '../../src/lib/server/campuses/invite-code.service';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createCampus, createUser, goodPassword, outboxFor, tokenFromLink } from './support/fixtures';

const registration = (inviteCode: string, email = 'Zoë.Peeters@School.be') => ({
	displayName: 'Zoë Peeters',
	email,
	password: goodPassword,
	inviteCode,
	locale: 'nl' as const,
	address: '10.0.0.1'
});

const keyOf = (err: unknown) => (err instanceof ValidationError ? `${err.messageKey}@${err.field}` : String(err));

describeEachDatabase('teacher registration', (dialect) => {
	const ctx = useDatabase(dialect);

	it('registers a teacher at the campus of the code, typed loosely, and queues a confirmation mail without the link in its body', async () => {
		const campus = await createCampus(ctx.db);
		const loose = formatInviteCode(campus.inviteCode).toLowerCase().replace(/0/g, 'o');
		const { userId } = await registerTeacher(ctx.db, registration(loose));
		const links = await ctx.db.selectFrom('teacherCampuses').selectAll().where('userId', '=', userId).execute();
		expect(links.map((l) => l.campusId)).toEqual([campus.id]);
		const [mail] = await outboxFor(ctx.db, 'Zoë.Peeters@School.be');
		expect(mail.template).toBe('email_confirm');
		expect(mail.subject).toContain('Bevestig je e-mailadres');
		expect(mail.secretLink).toMatch(/\/confirm-email\/[A-Za-z0-9_-]{20,}$/);
		expect(mail.bodyText).toContain(secretLinkPlaceholder);
		expect(mail.bodyText).not.toContain(tokenFromLink(mail.secretLink));
		expect(mail.bodyHtml).not.toContain(tokenFromLink(mail.secretLink));
		const token = await ctx.db.selectFrom('authTokens').select('tokenHash').executeTakeFirstOrThrow();
		expect(token.tokenHash).not.toBe(tokenFromLink(mail.secretLink)); // stored as a hash
	});

	it('works only after the address is confirmed, through a link that works once', async () => {
		const campus = await createCampus(ctx.db);
		await registerTeacher(ctx.db, registration(campus.inviteCode));
		const input = { email: 'zoë.peeters@school.be', password: goodPassword, address: '10.0.0.1', userAgent: null };
		await expect(login(ctx.db, input)).rejects.toMatchObject({ messageKey: 'error_login_unconfirmed' });
		const [mail] = await outboxFor(ctx.db, 'Zoë.Peeters@School.be');
		// Confirming logs the teacher in: a session of their own, in their language.
		const session = await confirmEmail(ctx.db, tokenFromLink(mail.secretLink), { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
		expect(session).toMatchObject({ locale: 'nl', token: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) });
		expect(await ctx.db.selectFrom('sessions').select('userId').execute()).toHaveLength(1);
		await expect(login(ctx.db, input)).resolves.toMatchObject({ locale: 'nl' });
		await expect(confirmEmail(ctx.db, tokenFromLink(mail.secretLink), { userAgent: null })).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
	});

	it('refuses a confirmation link after three days', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		const campus = await createCampus(ctx.db);
		await registerTeacher(ctx.db, registration(campus.inviteCode));
		const [mail] = await outboxFor(ctx.db, 'Zoë.Peeters@School.be');
		advance(days(3) + 1);
		await expect(confirmEmail(ctx.db, tokenFromLink(mail.secretLink), { userAgent: null })).rejects.toMatchObject({ messageKey: 'error_link_invalid' });
		expect(await ctx.db.selectFrom('sessions').select('id').execute()).toEqual([]);
	});

	it('refuses an unknown code, the code of a deactivated campus and a code that was regenerated, writing nothing', async () => {
		const campus = await createCampus(ctx.db);
		const other = await createCampus(ctx.db, { name: 'Campus Heule' });
		await ctx.db.updateTable('campuses').set({ active: null }).where('id', '=', other.id).execute();
		const coordinator = await createUser(ctx.db, { email: 'c@stad.be', roles: ['coordinator'] });
		const before = campus.inviteCode;
		const fresh = await regenerateInviteCode(ctx.db, coordinator, campus.id);
		expect(fresh).not.toBe(before);
		for (const code of ['ZZZZZZZZZZZZ', other.inviteCode, before]) {
			expect(keyOf(await registerTeacher(ctx.db, registration(code)).catch((e) => e))).toBe('error_invite_code_unknown@inviteCode');
		}
		expect(await count(ctx.db, 'users')).toBe(1);
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		expect(await count(ctx.db, 'authTokens')).toBe(0);
		const audit = await ctx.db.selectFrom('auditLog').selectAll().where('action', '=', 'campus.invite_code.regenerated').executeTakeFirstOrThrow();
		expect(audit.afterJson).not.toContain(fresh); // only its last characters
	});

	it('answers an address that exists already, also in other capitals or with decomposed accents, as a new one, and mails its holder instead', async () => {
		const campus = await createCampus(ctx.db);
		await registerTeacher(ctx.db, registration(campus.inviteCode, 'zoe.peeters@school.be'));
		for (const email of ['ZOE.PEETERS@SCHOOL.BE', ' zoe.peeters@school.be ']) {
			expect(await registerTeacher(ctx.db, registration(campus.inviteCode, email))).toEqual({ userId: null });
		}
		await registerTeacher(ctx.db, registration(campus.inviteCode, 'Zoe\u0308@school.be'));
		expect(await registerTeacher(ctx.db, registration(campus.inviteCode, 'zoë@school.be'))).toEqual({ userId: null });
		expect(await count(ctx.db, 'users')).toBe(2);
		// Each holder at the address as they spelled it: a confirmation, then one notice per attempt.
		expect((await outboxFor(ctx.db, 'zoe.peeters@school.be')).map((m) => m.template)).toEqual(['register_existing', 'register_existing', 'email_confirm']);
		expect((await outboxFor(ctx.db, 'Zoe\u0308@school.be')).map((m) => m.template)).toEqual(['register_existing', 'email_confirm']);
		expect(await count(ctx.db, 'mailOutbox')).toBe(5);
	});
});
