import type { Db } from '../db';
import { isMysql } from '../db/dialect-of';
import type { DbTime } from '../db/time';

export const findOpenRequestOf = (db: Db, userId: number) =>
	db.selectFrom('deletionRequests').selectAll().where('userId', '=', userId).where('active', '=', 1).executeTakeFirst();

/** The open request with its row locked on MySQL, so two coordinators cannot both carry it out. */
export const findOpenRequestForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('deletionRequests')
		.selectAll()
		.where('id', '=', id)
		.where('active', '=', 1)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export async function insertRequest(db: Db, row: { userId: number; reason: string | null; now: DbTime }): Promise<number> {
	const r = await db
		.insertInto('deletionRequests')
		.values({ userId: row.userId, reason: row.reason, status: 'open', active: 1, requestedAt: row.now })
		.executeTakeFirstOrThrow();
	return Number(r.insertId);
}

/** Closes an open request; the number of rows closed (0: it was no longer open). */
export async function closeRequest(db: Db, id: number, status: 'withdrawn' | 'done', by: number, now: DbTime): Promise<number> {
	const r = await db
		.updateTable('deletionRequests')
		.set({ status, active: null, resolvedAt: now, resolvedBy: by })
		.where('id', '=', id)
		.where('active', '=', 1)
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

/** Open requests, oldest first, with what a coordinator needs to decide: who, their roles, their classes. */
export async function listOpenRequests(db: Db) {
	const rows = await db
		.selectFrom('deletionRequests')
		.innerJoin('users', 'users.id', 'deletionRequests.userId')
		.select(['deletionRequests.id', 'deletionRequests.reason', 'deletionRequests.requestedAt', 'users.id as userId', 'users.displayName', 'users.email'])
		.select((eb) =>
			eb
				.selectFrom('classes')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('classes.enrolledBy', '=', 'users.id')
				.as('classCount')
		)
		.where('deletionRequests.active', '=', 1)
		.orderBy('deletionRequests.requestedAt')
		.orderBy('deletionRequests.id')
		.execute();
	const ids = rows.map((r) => r.userId);
	const roles = ids.length ? await db.selectFrom('userRoles').select(['userId', 'role']).where('userId', 'in', ids).execute() : [];
	return rows.map((r) => ({ ...r, classCount: Number(r.classCount ?? 0), roles: roles.filter((x) => x.userId === r.userId).map((x) => x.role) }));
}

/** Requests carried out, newest first: a short history on the coordinators' page (no personal data is left in them). */
export const listDoneRequests = (db: Db, limit: number) =>
	db
		.selectFrom('deletionRequests')
		.leftJoin('users as resolver', 'resolver.id', 'deletionRequests.resolvedBy')
		.select([
			'deletionRequests.id',
			'deletionRequests.userId',
			'deletionRequests.requestedAt',
			'deletionRequests.resolvedAt',
			'resolver.displayName as resolvedByName'
		])
		.where('deletionRequests.status', '=', 'done')
		.orderBy('deletionRequests.resolvedAt', 'desc')
		.limit(limit)
		.execute();

export const countOpenRequests = async (db: Db): Promise<number> =>
	Number(
		(
			await db
				.selectFrom('deletionRequests')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('active', '=', 1)
				.executeTakeFirstOrThrow()
		).n
	);
