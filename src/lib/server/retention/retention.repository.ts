import type { Db } from '../db';
import type { DbTime } from '../db/time';

/**
 * The queries of the retention pass. Each deletes or blanks only rows older than a
 * cutoff computed by the service, and only rows not already done, so a second pass
 * changes nothing and the counts it reports are zero.
 */

/** Not anonymised, created before `cutoff`, and neither a login, a session's use nor a one-time link since. */
function unusedSince(db: Db, cutoff: DbTime) {
	return db
		.selectFrom('users')
		.where('users.anonymisedAt', 'is', null)
		.where('users.createdAt', '<', cutoff)
		.where((eb) => eb.or([eb('users.lastLoginAt', 'is', null), eb('users.lastLoginAt', '<', cutoff)]))
		.where((eb) =>
			eb.not(eb.exists(eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.userId', '=', 'users.id').where('sessions.lastSeenAt', '>=', cutoff)))
		)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb.selectFrom('authTokens').select('authTokens.id').whereRef('authTokens.userId', '=', 'users.id').where('authTokens.createdAt', '>=', cutoff)
				)
			)
		);
}

/**
 * Accounts unused since `cutoff` whose owner was warned by mail, after their last
 * login, no later than `warnedBefore`. Least recently used first, so when every
 * coordinator is unused the one who logged in last is the one anonymiseUser keeps
 * (it never removes the last usable coordinator).
 */
export const listUnusedAccounts = (db: Db, cutoff: DbTime, warnedBefore: DbTime, limit: number) =>
	unusedSince(db, cutoff)
		.select(['users.id'])
		.where('users.retentionWarnedAt', '<=', warnedBefore)
		.where((eb) => eb('users.retentionWarnedAt', '>', eb.fn.coalesce('users.lastLoginAt', 'users.createdAt')))
		.orderBy('users.lastLoginAt')
		.orderBy('users.id')
		.limit(limit)
		.execute();

/** Accounts that will be unused for the whole period soon (unused since `cutoff`) and were not warned since their last login. */
export const listAccountsToWarn = (db: Db, cutoff: DbTime, limit: number) =>
	unusedSince(db, cutoff)
		.select(['users.id', 'users.email', 'users.displayName', 'users.locale'])
		.where((eb) =>
			eb.or([eb('users.retentionWarnedAt', 'is', null), eb('users.retentionWarnedAt', '<=', eb.fn.coalesce('users.lastLoginAt', 'users.createdAt'))])
		)
		.orderBy('users.id')
		.limit(limit)
		.execute();

export const markWarned = (db: Db, userId: number, now: DbTime) => db.updateTable('users').set({ retentionWarnedAt: now }).where('id', '=', userId).execute();

/**
 * Sent and failed mails queued before the cutoff. School invitations are not
 * deleted (their dedupe keys are what keeps an edition's schools from being invited
 * twice, and what the first-run checklist reads): they are blanked instead.
 */
const invitationPrefix = 'school-invitation:';
const invitationEnd = 'school-invitation;';

export async function deleteOldMails(db: Db, cutoff: DbTime): Promise<number> {
	const result = await db
		.deleteFrom('mailOutbox')
		.where('status', 'in', ['sent', 'failed'])
		.where('createdAt', '<', cutoff)
		.where((eb) => eb.or([eb('dedupeKey', '<', invitationPrefix), eb('dedupeKey', '>=', invitationEnd)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export const blankedRecipient = 'removed@invalid';

export async function blankOldInvitations(db: Db, cutoff: DbTime): Promise<number> {
	const result = await db
		.updateTable('mailOutbox')
		.set({ recipient: blankedRecipient, subject: '', bodyText: '', bodyHtml: '', paramsJson: '{}', secretLink: null, lastError: null, calendarIcs: null })
		.where('status', 'in', ['sent', 'failed'])
		.where('createdAt', '<', cutoff)
		.where('dedupeKey', '>=', invitationPrefix)
		.where('dedupeKey', '<', invitationEnd)
		.where('recipient', '<>', blankedRecipient)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * Audit entries older than the cutoff lose their details and their actor (who a
 * person was and what they typed); the action, the record it was about, its
 * campus and edition, and the time stay, so the log still tells what happened.
 */
export async function redactOldAuditEntries(db: Db, cutoff: DbTime): Promise<number> {
	const result = await db
		.updateTable('auditLog')
		.set({ beforeJson: null, afterJson: null, actorUserId: null })
		.where('createdAt', '<', cutoff)
		.where((eb) => eb.or([eb('beforeJson', 'is not', null), eb('afterJson', 'is not', null), eb('actorUserId', 'is not', null)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function deleteExpiredSessions(db: Db, now: DbTime): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expiresAt', '<', now), eb('idleExpiresAt', '<', now)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** One-time links past their expiry (used or not): they can never work again. */
export async function deleteExpiredTokens(db: Db, now: DbTime): Promise<number> {
	const result = await db.deleteFrom('authTokens').where('expiresAt', '<', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/**
 * Free text that may hold a name despite the forms' hints (teachers' remarks,
 * trainers' notes), in archived editions whose workshops ended before the cutoff.
 * No report or export reads these fields, so the figures stay as they were.
 */
export async function blankOldFreeText(db: Db, cutoffDate: string): Promise<number> {
	const oldEditions = db
		.selectFrom('editions')
		.select('editions.id')
		.where('editions.status', '=', 'archived')
		.where('editions.workshopEndsOn', '<', cutoffDate);
	const classes = await db
		.updateTable('classes')
		.set({ remarks: null })
		.where('remarks', 'is not', null)
		.where('editionId', 'in', oldEditions)
		.executeTakeFirst();
	const orders = await db
		.updateTable('kitOrders')
		.set({ remarks: null })
		.where('remarks', 'is not', null)
		.where('editionId', 'in', oldEditions)
		.executeTakeFirst();
	const slots = await db
		.updateTable('workshopSlots')
		.set({ reportNote: null, trainerNote: null })
		.where((eb) => eb.or([eb('reportNote', 'is not', null), eb('trainerNote', 'is not', null)]))
		.where('editionId', 'in', oldEditions)
		.executeTakeFirst();
	return Number(classes.numUpdatedRows) + Number(orders.numUpdatedRows) + Number(slots.numUpdatedRows);
}
