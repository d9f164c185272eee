import type { Db } from '../db';
import type { ClassStatus, InstructionLanguage, Level } from '../db/schema';
import type { DbTime } from '../db/time';
import { isMysql } from '../db/dialect-of';

export interface NewClass {
	editionId: number;
	campusId: number;
	name: string;
	nameKey: string;
	grade: string;
	level: Level;
	pupilCount: number;
	language: InstructionLanguage;
	remarks: string | null;
	status: ClassStatus;
	enrolledBy: number;
	now: DbTime;
}

export async function insertClass(db: Db, row: NewClass): Promise<number> {
	const { now, ...values } = row;
	const result = await db
		.insertInto('classes')
		.values({ ...values, active: 1, queuedAt: now, withdrawnAt: null, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const findClassById = (db: Db, id: number) => db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst();

export const findClassForUpdate = (db: Db, id: number) =>
	db
		.selectFrom('classes')
		.selectAll()
		.where('id', '=', id)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();

export const updateClass = (
	db: Db,
	id: number,
	patch: Partial<{
		name: string;
		nameKey: string;
		grade: string;
		level: Level;
		pupilCount: number;
		language: InstructionLanguage;
		remarks: string | null;
		campusId: number;
		status: ClassStatus;
		active: 1 | null;
		queuedAt: DbTime;
		withdrawnAt: DbTime | null;
	}>,
	now: DbTime
) => db.updateTable('classes').set({ ...patch, updatedAt: now }).where('id', '=', id).execute();

export const findActiveClassByName = (db: Db, editionId: number, campusId: number, nameKey: string) =>
	db
		.selectFrom('classes')
		.select('id')
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('nameKey', '=', nameKey)
		.where('active', '=', 1)
		.executeTakeFirst();

/** Enrolled classes per campus of an edition, aggregated in SQL. */
export async function countEnrolledByCampus(db: Db, editionId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('classes')
		.select(['campusId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('editionId', '=', editionId)
		.where('status', '=', 'enrolled')
		.groupBy('campusId')
		.execute();
	return new Map(rows.map((r) => [r.campusId, Number(r.n)]));
}

export async function countEnrolled(db: Db, editionId: number, campusId: number): Promise<{ edition: number; campus: number }> {
	const row = await db
		.selectFrom('classes')
		.select((eb) => [
			eb.fn.countAll<number>().as('edition'),
			eb.fn.sum<number>(eb.case().when('campusId', '=', campusId).then(1).else(0).end()).as('campus')
		])
		.where('editionId', '=', editionId)
		.where('status', '=', 'enrolled')
		.executeTakeFirstOrThrow();
	return { edition: Number(row.edition), campus: Number(row.campus ?? 0) };
}

/** The waiting list of an edition in arrival order. */
export const listWaiting = (db: Db, editionId: number) =>
	db
		.selectFrom('classes')
		.select(['id', 'campusId', 'enrolledBy', 'name'])
		.where('editionId', '=', editionId)
		.where('status', '=', 'waiting')
		.orderBy('queuedAt')
		.orderBy('id')
		.execute();

/** When the last class joined the edition's waiting list, or null when nobody waits. */
export async function lastQueuedAt(db: Db, editionId: number): Promise<DbTime | null> {
	const row = await db
		.selectFrom('classes')
		.select((eb) => eb.fn.max('queuedAt').as('last'))
		.where('editionId', '=', editionId)
		.where('status', '=', 'waiting')
		.executeTakeFirst();
	return row?.last ?? null;
}

/** 1-based position on the waiting list, derived from arrival order (always consecutive). */
export async function waitingPosition(db: Db, editionId: number, classId: number): Promise<number | null> {
	const me = await db.selectFrom('classes').select(['queuedAt', 'status']).where('id', '=', classId).executeTakeFirst();
	if (!me || me.status !== 'waiting') return null;
	const row = await db
		.selectFrom('classes')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('editionId', '=', editionId)
		.where('status', '=', 'waiting')
		.where((eb) => eb.or([eb('queuedAt', '<', me.queuedAt), eb.and([eb('queuedAt', '=', me.queuedAt), eb('id', '<', classId)])]))
		.executeTakeFirstOrThrow();
	return Number(row.n) + 1;
}

export const replacePreferredHalfDays = async (db: Db, classId: number, days: { localDate: string; part: 'am' | 'pm' }[]) => {
	await db.deleteFrom('classPreferredHalfDays').where('classId', '=', classId).execute();
	if (days.length) await db.insertInto('classPreferredHalfDays').values(days.map((d) => ({ classId, localDate: d.localDate, part: d.part }))).execute();
};

export const listPreferredHalfDays = (db: Db, classIds: number[]) =>
	classIds.length
		? db.selectFrom('classPreferredHalfDays').select(['classId', 'localDate', 'part']).where('classId', 'in', classIds).orderBy('localDate').orderBy('part').execute()
		: Promise.resolve([]);
