import type { Db } from '../db';
import type { Level } from '../db/schema';
import type { DbTime } from '../db/time';

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
	levels.length ? db.insertInto('campusLevels').values(levels.map((level) => ({ campusId, level }))).execute() : Promise.resolve();

/** One page of campuses with school name and levels (levels in a second query, not one per row). */
export async function listCampusPage(db: Db, opts: { search?: string; limit: number; offset: number }) {
	let q = db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.where('campuses.active', '=', 1);
	if (opts.search) {
		const like = `%${opts.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
		q = q.where((eb) => eb.or([eb('campuses.nameKey', 'like', like), eb('schools.nameKey', 'like', like), eb('campuses.city', 'like', like)]));
	}
	const [rows, total] = await Promise.all([
		q
			.select(['campuses.id', 'campuses.name', 'campuses.city', 'campuses.inviteCode', 'schools.name as schoolName'])
			.orderBy('schools.nameKey')
			.orderBy('campuses.nameKey')
			.orderBy('campuses.id')
			.limit(opts.limit)
			.offset(opts.offset)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const ids = rows.map((r) => r.id);
	const levels = ids.length
		? await db.selectFrom('campusLevels').select(['campusId', 'level']).where('campusId', 'in', ids).execute()
		: [];
	return {
		total: Number(total.n),
		rows: rows.map((r) => ({ ...r, levels: levels.filter((l) => l.campusId === r.id).map((l) => l.level) }))
	};
}

export const listCampusesOfTeacher = (db: Db, userId: number) =>
	db
		.selectFrom('teacherCampuses')
		.innerJoin('campuses', 'campuses.id', 'teacherCampuses.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'campuses.street', 'campuses.postalCode', 'campuses.city', 'schools.name as schoolName'])
		.where('teacherCampuses.userId', '=', userId)
		.orderBy('campuses.nameKey')
		.execute();
