import { expect, it } from 'vitest';
import { login } from '../../src/lib/server/auth/login.service';
import { requestPasswordReset, resetPassword } from '../../src/lib/server/auth/password-reset.service';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { hours, minutes } from '../../src/lib/server/db/time';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count, createUser, goodPassword, outboxFor, tokenFromLink } from './support/fixtures';

const newPassword = 'Een nieuw en lang wachtwoord';

describeEachDatabase('password reset', (dialect) => {
	const ctx = useDatabase(dialect);

	it('queues a mail only for an existing, active account', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestPasswordReset(ctx.db, { email: 'nobody@school.be', locale: 'nl' });
		expect(await count(ctx.db, 'mailOutbox')).toBe(0);
		await requestPasswordReset(ctx.db, { email: 'LIES@school.be', locale: 'nl' });
		expect((await outboxFor(ctx.db, 'lies@school.be')).map((m) => m.template)).toEqual(['password_reset']);
		await ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
		await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		expect(await count(ctx.db, 'mailOutbox')).toBe(1);
	});

	it('sets the new password, ends every other session, and works once', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const elsewhere = await createSession(ctx.db, id, 'Laptop');
		await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		const [mail] = await outboxFor(ctx.db, 'lies@school.be');
		const token = tokenFromLink(mail.secretLink);
		const here = await resetPassword(ctx.db, { token, password: newPassword, deviceLabel: 'Phone' });
		expect(await validateSessionToken(ctx.db, elsewhere.token)).toBeNull();
		expect(await validateSessionToken(ctx.db, here.token)).not.toBeNull();
		const attempt = (password: string) => login(ctx.db, { email: 'lies@school.be', password, address: '10.0.0.1', userAgent: null });
		await expect(attempt(goodPassword)).rejects.toMatchObject({ messageKey: 'error_login_invalid' });
		await expect(attempt(newPassword)).resolves.toBeTruthy();
		await expect(resetPassword(ctx.db, { token, password: 'Nog een ander wachtwoord', deviceLabel: '' })).rejects.toMatchObject({
			messageKey: 'error_link_invalid'
		});
	});

	it('expires the link after one hour, and only the newest link works', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		advance(minutes(1));
		await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		const [newest, older] = await outboxFor(ctx.db, 'lies@school.be');
		await expect(resetPassword(ctx.db, { token: tokenFromLink(older.secretLink), password: newPassword, deviceLabel: '' })).rejects.toMatchObject({
			messageKey: 'error_link_invalid'
		});
		advance(hours(1));
		await expect(resetPassword(ctx.db, { token: tokenFromLink(newest.secretLink), password: newPassword, deviceLabel: '' })).rejects.toMatchObject({
			messageKey: 'error_link_invalid'
		});
	});

	it('sends at most three links an hour to one address, so nobody can flood a mailbox', async () => {
		const advance = freezeClock('2027-03-01T09:00:00Z');
		await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		for (let i = 0; i < 5; i++) await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		expect(await count(ctx.db, 'mailOutbox')).toBe(3);
		advance(hours(1) + 1000);
		await requestPasswordReset(ctx.db, { email: 'lies@school.be', locale: 'nl' });
		expect(await count(ctx.db, 'mailOutbox')).toBe(4);
	});
});
