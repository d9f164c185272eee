import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';
import { forgetSessionsOfUser } from '../auth/session-cache';

/** The placeholder that stays where a name was (classes, workshops, the audit log's actor). */
export const anonymisedDisplayName = 'Verwijderd account';
export const anonymisedEmail = (userId: number) => `deleted-${userId}@invalid`;

/**
 * Other usable coordinators than this user, with their role rows locked on MySQL
 * so two coordinators removing each other at once cannot both succeed.
 */
export async function countOtherCoordinators(db: Db, userId: number): Promise<number> {
	// Every coordinator row is locked (the target's too), then filtered here: locking only
	// "the others" would let A remove B while B removes A.
	const rows = await db
		.selectFrom('userRoles')
		.innerJoin('users', 'users.id', 'userRoles.userId')
		.select(['userRoles.userId', 'users.disabled', 'users.anonymisedAt'])
		.where('userRoles.role', '=', 'coordinator')
		.$if(isMysql(db), (q) => q.forUpdate())
		.execute();
	return rows.filter((r) => r.userId !== userId && r.disabled === 0 && r.anonymisedAt === null).length;
}

/** Everything that lets the account log in or be reached, gone. */
export async function removeAccessOf(db: Db, userId: number): Promise<void> {
	forgetSessionsOfUser(userId);
	await db.deleteFrom('sessions').where('userId', '=', userId).execute();
	await db.deleteFrom('authTokens').where('userId', '=', userId).execute();
	await db.deleteFrom('calendarFeeds').where('userId', '=', userId).execute();
	await db.deleteFrom('teacherCampuses').where('userId', '=', userId).execute();
	await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
}

/** Name, address, password and preferences overwritten; the row stays as the owner of classes, orders and workshops. */
export const overwriteUser = (db: Db, userId: number, now: DbTime) =>
	db
		.updateTable('users')
		.set({
			email: anonymisedEmail(userId),
			emailKey: anonymisedEmail(userId),
			displayName: anonymisedDisplayName,
			passwordHash: null,
			disabled: 1,
			emailConfirmedAt: null,
			planner: 0,
			mailReminders: 0,
			mailFollowUps: 0,
			lastLoginAt: null,
			anonymisedAt: now,
			updatedAt: now
		})
		.where('id', '=', userId)
		.execute();

/** Mails to the address (they hold the name and what the person did). */
export const removeMailsTo = (db: Db, email: string) => db.deleteFrom('mailOutbox').where('recipient', '=', email).execute();

/** Details of audit entries about the person (names, choices); who did what and when stays. */
export const clearAuditDetailsAbout = (db: Db, userId: number) =>
	db.updateTable('auditLog').set({ beforeJson: null, afterJson: null }).where('entityType', '=', 'user').where('entityId', '=', String(userId)).execute();

/** The person's own words in their deletion requests. */
export const clearRequestReasons = (db: Db, userId: number) => db.updateTable('deletionRequests').set({ reason: null }).where('userId', '=', userId).execute();
