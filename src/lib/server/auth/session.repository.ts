import type { Db } from '../db';
import type { DbTime } from '../db/time';

/**
 * The session, its user and the user's roles in one query: one row per role (one
 * row with a null role for a user without any), none for an unknown session.
 */
export const findSessionWithUserAndRoles = (db: Db, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.leftJoin('userRoles', 'userRoles.userId', 'sessions.userId')
		.select([
			'sessions.userId',
			'sessions.idleExpiresAt',
			'sessions.expiresAt',
			'users.email',
			'users.displayName',
			'users.locale',
			'users.disabled',
			'users.organisationId',
			'userRoles.role'
		])
		.where('sessions.id', '=', id)
		.execute();

export const insertSession = (db: Db, row: { id: string; userId: number; createdAt: DbTime; idleExpiresAt: DbTime; expiresAt: DbTime; deviceLabel: string }) =>
	db
		.insertInto('sessions')
		.values({ ...row, lastSeenAt: row.createdAt })
		.execute();

export const touchSession = (db: Db, id: string, lastSeenAt: DbTime, idleExpiresAt: DbTime) =>
	db.updateTable('sessions').set({ lastSeenAt, idleExpiresAt }).where('id', '=', id).execute();

export const removeSession = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const removeSessionsOfUser = (db: Db, userId: number, exceptId?: string) =>
	db
		.deleteFrom('sessions')
		.where('userId', '=', userId)
		.$if(!!exceptId, (q) => q.where('id', '!=', exceptId!))
		.execute();

export const listSessionsOfUser = (db: Db, userId: number) =>
	db.selectFrom('sessions').select(['id', 'createdAt', 'lastSeenAt', 'deviceLabel']).where('userId', '=', userId).orderBy('lastSeenAt', 'desc').execute();

export const removeExpiredSessions = (db: Db, now: DbTime) =>
	db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expiresAt', '<', now), eb('idleExpiresAt', '<', now)]))
		.execute();
