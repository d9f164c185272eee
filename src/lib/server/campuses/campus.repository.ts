import type { Db } from '../db';
import type { Row } from '../db/rows';
import { isMysql } from '../db/dialect-of';
import { containsText } from '../db/like';
import type { Level } from '../db/schema';
import type { DbTime } from '../db/time';
import { levels } from '../../domain';

export const findActiveCampusByInviteCode = (db: Db, inviteCode: string) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'schools.name as schoolName'])
		.where('campuses.inviteCode', '=', inviteCode)
		.where('campuses.active', '=', 1)
		.executeTakeFirst();

export const findCampusById = (db: Db, id: number) =>
	db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.selectAll('campuses')
		.select('schools.name as schoolName')
		.where('campuses.id', '=', id)
		.executeTakeFirst();

export const updateInviteCode = (db: Db, id: number, inviteCode: string, now: DbTime) =>
	db.updateTable('campuses').set({ inviteCode, updatedAt: now }).where('id', '=', id).execute();

export async function insertCampus(
	db: Db,
	row: {
		schoolId: number;
		name: string;
		nameKey: string;
		street: string;
		postalCode: string;
		city: string;
		contactName: string | null;
		contactEmail: string | null;
		contactPhone: string | null;
		inviteCode: string;
		now: DbTime;
	}
): Promise<number> {
	const { now, ...values } = row;
	const result = await db
		.insertInto('campuses')
		.values({ ...values, active: 1, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const insertCampusLevels = (db: Db, campusId: number, levels: Level[]) =>
	levels.length
		? db
				.insertInto('campusLevels')
				.values(levels.map((level) => ({ campusId, level })))
				.execute()
		: Promise.resolve();

/**
 * One page of active campuses with school name and levels (levels in a second
 * query, not one per row). `level` keeps campuses that offer that level.
 */
export async function listCampusPage(db: Db, opts: { search?: string; level?: Level; limit: number; offset: number }) {
	let q = db.selectFrom('campuses').innerJoin('schools', 'schools.id', 'campuses.schoolId').where('campuses.active', '=', 1);
	if (opts.search) {
		const search = opts.search;
		q = q.where((eb) =>
			eb.or([containsText(eb.ref('campuses.nameKey'), search), containsText(eb.ref('schools.nameKey'), search), containsText(eb.ref('campuses.city'), search)])
		);
	}
	if (opts.level) {
		const level = opts.level;
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('campusLevels')
					.select('campusLevels.campusId')
					.whereRef('campusLevels.campusId', '=', 'campuses.id')
					.where('campusLevels.level', '=', level)
			)
		);
	}
	const [rows, total] = await Promise.all([
		q
			.select(['campuses.id', 'campuses.name', 'campuses.city', 'campuses.inviteCode', 'campuses.schoolId', 'schools.name as schoolName'])
			.orderBy('schools.nameKey')
			.orderBy('campuses.nameKey')
			.orderBy('campuses.id')
			.limit(opts.limit)
			.offset(opts.offset)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const levels = await listLevelsOfCampuses(
		db,
		rows.map((r) => r.id)
	);
	return {
		total: Number(total.n),
		rows: rows.map((r) => ({ ...r, levels: levels.get(r.id) ?? [] }))
	};
}

/** Levels per campus, in the order of the domain's list. */
export async function listLevelsOfCampuses(db: Db, campusIds: number[]): Promise<Map<number, Level[]>> {
	const out = new Map<number, Level[]>();
	for (const r of await listCampusLevelRows(db, campusIds)) out.set(r.campusId, [...(out.get(r.campusId) ?? []), r.level]);
	for (const [id, list] of out)
		out.set(
			id,
			levels.filter((l) => list.includes(l))
		);
	return out;
}

/** The campus row, locked on MySQL for the rest of the transaction. */
export const findCampusForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('campuses')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

/** An active campus of the school with this normalised name, other than `exceptId`. */
export const findActiveCampusByName = (db: Db, schoolId: number, nameKey: string, exceptId?: number) =>
	db
		.selectFrom('campuses')
		.select('id')
		.where('schoolId', '=', schoolId)
		.where('nameKey', '=', nameKey)
		.where('active', '=', 1)
		.$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
		.executeTakeFirst();

/** The columns a coordinator (or an import) sets on a campus. */
export type CampusDetails = Pick<Row<'campuses'>, 'name' | 'nameKey' | 'street' | 'postalCode' | 'city' | 'contactName' | 'contactEmail' | 'contactPhone'>;

export const updateCampus = (db: Db, id: number, row: CampusDetails, now: DbTime) =>
	db
		.updateTable('campuses')
		.set({ ...row, updatedAt: now })
		.where('id', '=', id)
		.execute();

export async function replaceCampusLevels(db: Db, campusId: number, list: Level[]): Promise<void> {
	await db.deleteFrom('campusLevels').where('campusId', '=', campusId).execute();
	await insertCampusLevels(db, campusId, list);
}

export const deactivateCampus = (db: Db, id: number, now: DbTime) =>
	db.updateTable('campuses').set({ active: null, updatedAt: now }).where('id', '=', id).where('active', '=', 1).execute();

/** Deactivates every active campus of a school; returns the ids it deactivated. */
export async function deactivateCampusesOfSchool(db: Db, schoolId: number, now: DbTime): Promise<number[]> {
	const rows = await db.selectFrom('campuses').select('id').where('schoolId', '=', schoolId).where('active', '=', 1).execute();
	if (rows.length) await db.updateTable('campuses').set({ active: null, updatedAt: now }).where('schoolId', '=', schoolId).where('active', '=', 1).execute();
	return rows.map((r) => r.id);
}

export const listCampusesOfSchool = (db: Db, schoolId: number) =>
	db
		.selectFrom('campuses')
		.select(['id', 'name', 'street', 'postalCode', 'city', 'active'])
		.where('schoolId', '=', schoolId)
		.orderBy('active', 'desc')
		.orderBy('nameKey')
		.orderBy('id')
		.execute();

export const listCampusesOfTeacher = (db: Db, userId: number) =>
	db
		.selectFrom('teacherCampuses')
		.innerJoin('campuses', 'campuses.id', 'teacherCampuses.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'campuses.street', 'campuses.postalCode', 'campuses.city', 'schools.name as schoolName'])
		.where('teacherCampuses.userId', '=', userId)
		.orderBy('campuses.nameKey')
		.execute();

export const countActiveCampuses = async (db: Db): Promise<number> =>
	Number(
		(
			await db
				.selectFrom('campuses')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('active', '=', 1)
				.executeTakeFirstOrThrow()
		).n
	);

/** The active campuses among these ids, with their school's name. */
export const listActiveCampusesByIds = (db: Db, ids: number[]) =>
	ids.length
		? db
				.selectFrom('campuses')
				.innerJoin('schools', 'schools.id', 'campuses.schoolId')
				.select(['campuses.id', 'campuses.name', 'schools.name as schoolName'])
				.where('campuses.id', 'in', ids)
				.where('campuses.active', '=', 1)
				.execute()
		: Promise.resolve([]);

export const listActiveCampusIdsOfSchool = async (db: Db, schoolId: number): Promise<number[]> =>
	(await db.selectFrom('campuses').select('id').where('schoolId', '=', schoolId).where('active', '=', 1).execute()).map((c) => c.id);

/** The (campus, level) rows of some campuses, as stored. */
export const listCampusLevelRows = (db: Db, campusIds: number[]) =>
	campusIds.length ? db.selectFrom('campusLevels').select(['campusId', 'level']).where('campusId', 'in', campusIds).execute() : Promise.resolve([]);

export const campusHasLevel = async (db: Db, campusId: number, level: Level): Promise<boolean> =>
	!!(await db.selectFrom('campusLevels').select('level').where('campusId', '=', campusId).where('level', '=', level).executeTakeFirst());

/** The campus's teachers whose account is not disabled, by name: whom a coordinator may enrol for. */
export const listActiveTeachersOfCampus = (db: Db, campusId: number) =>
	db
		.selectFrom('teacherCampuses')
		.innerJoin('users', 'users.id', 'teacherCampuses.userId')
		.select(['users.id', 'users.displayName', 'users.email'])
		.where('teacherCampuses.campusId', '=', campusId)
		.where('users.disabled', '=', 0)
		.orderBy('users.displayName')
		.execute();
