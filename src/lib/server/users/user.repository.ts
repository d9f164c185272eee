import type { Db } from '../db';
import type { Locale, Role } from '../db/schema';
import type { DbTime } from '../db/time';
import { forgetSessionsOfUser } from '../auth/session-cache';

export const findUserById = (db: Db, id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmailKey = (db: Db, emailKey: string) => db.selectFrom('users').selectAll().where('emailKey', '=', emailKey).executeTakeFirst();

export async function insertUser(
	db: Db,
	row: {
		email: string;
		emailKey: string;
		displayName: string;
		passwordHash: string | null;
		locale: Locale;
		emailConfirmedAt: DbTime | null;
		organisationId: number | null;
		now: DbTime;
	}
): Promise<number> {
	const { now, ...values } = row;
	const result = await db
		.insertInto('users')
		.values({ ...values, disabled: 0, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

/** Also forgets the user's cached sessions (session-cache.ts): name, locale and the disabled flag live there. */
export const updateUser = (
	db: Db,
	id: number,
	patch: Partial<{
		displayName: string;
		passwordHash: string;
		locale: Locale;
		disabled: 0 | 1;
		emailConfirmedAt: DbTime;
		organisationId: number | null;
		planner: 0 | 1;
		lastLoginAt: DbTime;
	}>,
	now: DbTime
) => {
	forgetSessionsOfUser(id);
	return db
		.updateTable('users')
		.set({ ...patch, updatedAt: now })
		.where('id', '=', id)
		.execute();
};

export async function listRolesOfUser(db: Db, userId: number): Promise<Role[]> {
	const rows = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
	return rows.map((r) => r.role);
}

export const insertRole = (db: Db, userId: number, role: Role, now: DbTime) => {
	forgetSessionsOfUser(userId); // the roles are cached with the session
	return db.insertInto('userRoles').values({ userId, role, createdAt: now }).execute();
};

export const linkTeacherToCampus = (db: Db, userId: number, campusId: number, now: DbTime) =>
	db.insertInto('teacherCampuses').values({ userId, campusId, createdAt: now }).execute();

/** Removes one link; the number of rows removed (0 when there was none). */
export async function unlinkTeacherFromCampus(db: Db, userId: number, campusId: number): Promise<number> {
	const result = await db.deleteFrom('teacherCampuses').where('userId', '=', userId).where('campusId', '=', campusId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Whether the teacher works at the campus: the one query of every ownership check (auth/campus-access.ts). */
export const isTeacherOfCampus = async (db: Db, userId: number, campusId: number): Promise<boolean> =>
	!!(await db.selectFrom('teacherCampuses').select('campusId').where('userId', '=', userId).where('campusId', '=', campusId).executeTakeFirst());
