import { describe, expect, it } from 'vitest';
import { mailPreferencesSchema } from '../../src/lib/schemas/mail-preferences';
import { mailPreferences, updateMailPreferences } from '../../src/lib/server/users/mail-preferences.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { createUser } from './support/fixtures';

describe('mail preferences form', () => {
	it('reads ticked boxes as wanted, missing ones as not wanted, and refuses anything else', () => {
		expect(mailPreferencesSchema.parse({ reminders: '1', followUps: '1' })).toEqual({ reminders: true, followUps: true });
		expect(mailPreferencesSchema.parse({})).toEqual({ reminders: false, followUps: false });
		expect(mailPreferencesSchema.safeParse({ reminders: 'yes' }).success).toBe(false);
	});
});

describeEachDatabase('mail preferences', (dialect) => {
	const ctx = useDatabase(dialect);
	const auditOf = (userId: number) =>
		ctx.db
			.selectFrom('auditLog')
			.select(['action', 'beforeJson', 'afterJson', 'actorUserId'])
			.where('entityType', '=', 'user')
			.where('entityId', '=', String(userId))
			.execute();

	it('starts with every optional mail on, saves a change and audits it', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		expect(await mailPreferences(ctx.db, id)).toEqual({ reminders: true, followUps: true });

		await updateMailPreferences(ctx.db, id, { reminders: false, followUps: true });
		expect(await mailPreferences(ctx.db, id)).toEqual({ reminders: false, followUps: true });
		expect(await ctx.db.selectFrom('users').select(['mailReminders', 'mailFollowUps']).where('id', '=', id).executeTakeFirst()).toEqual({
			mailReminders: 0,
			mailFollowUps: 1
		});
		expect(await auditOf(id)).toEqual([
			{
				action: 'user.mail_preferences.updated',
				actorUserId: id,
				beforeJson: JSON.stringify({ reminders: true, followUps: true }),
				afterJson: JSON.stringify({ reminders: false, followUps: true })
			}
		]);
	});

	it('writes nothing when the same choice is saved again, and touches only the own account', async () => {
		const id = await createUser(ctx.db, { email: 'lies@school.be', roles: ['teacher'] });
		const other = await createUser(ctx.db, { email: 'tom@school.be', roles: ['teacher'] });
		await updateMailPreferences(ctx.db, id, { reminders: false, followUps: false });
		await updateMailPreferences(ctx.db, id, { reminders: false, followUps: false });
		expect(await auditOf(id)).toHaveLength(1);
		expect(await mailPreferences(ctx.db, other)).toEqual({ reminders: true, followUps: true });
	});
});
