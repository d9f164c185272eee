import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError } from '../errors';
import * as repo from './mail-preferences.repository';

/**
 * The optional mails a user chooses in their profile. Reminders cover the mails
 * before and after a workshop and the waiting-list notice; follow-ups the mail
 * after a workshop with materials and certificate. Required mails (password
 * resets, invitations, login links, confirmations of one's own actions) have no
 * switch. The job that creates the optional mails reads these columns.
 */
export interface MailPreferences {
	reminders: boolean;
	followUps: boolean;
}

export async function mailPreferences(db: Kysely<Database>, userId: number): Promise<MailPreferences> {
	const row = await repo.findMailPreferences(db, userId);
	if (!row) throw new NotFoundError();
	return { reminders: row.mailReminders === 1, followUps: row.mailFollowUps === 1 };
}

/** Saves the user's own choice; a change is audited (the same choice again writes nothing). */
export async function updateMailPreferences(db: Kysely<Database>, userId: number, input: MailPreferences): Promise<void> {
	await withTransaction(db, async (trx) => {
		const row = await repo.findMailPreferences(trx, userId);
		if (!row) throw new NotFoundError();
		const before = { reminders: row.mailReminders === 1, followUps: row.mailFollowUps === 1 };
		if (before.reminders === input.reminders && before.followUps === input.followUps) return;
		await repo.updateMailPreferences(trx, userId, { mailReminders: input.reminders ? 1 : 0, mailFollowUps: input.followUps ? 1 : 0 }, nowDb());
		await audit(trx, { actorId: userId, action: 'user.mail_preferences.updated', entityType: 'user', entityId: userId, before, after: input });
	});
}
