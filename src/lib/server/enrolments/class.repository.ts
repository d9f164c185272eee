import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { ClassStatus, InstructionLanguage, Level, Participation } from '../db/schema';
import type { DbTime } from '../db/time';
import { isMysql } from '../db/dialect-of';
import { enrolledDeltas, recordClassWrite, type ClassPlace } from './class-counters.repository';

export type NewClass = Pick<
	Row<'classes'>,
	'editionId' | 'campusId' | 'name' | 'nameKey' | 'grade' | 'level' | 'pupilCount' | 'language' | 'remarks' | 'status' | 'enrolledBy' | 'participation'
> & { now: DbTime };

/** Inserts a class and counts it in the edition's counters; the caller holds the edition lock. */
export async function insertClass(db: Db, row: NewClass): Promise<number> {
	const { now, ...values } = row;
	const result = await db
		.insertInto('classes')
		.values({ ...values, active: 1, queuedAt: now, withdrawnAt: null, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	await recordClassWrite(db, row.editionId, enrolledDeltas(null, row));
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

/**
 * Changes a class and keeps the edition's counters in step (a class that gains or
 * loses its place, or moves campus while it holds one). `before` is the class as
 * read under the edition lock, which the caller holds. Every write to a class
 * goes through here or insertClass, so the counters cannot drift unnoticed
 * (checkClassCounters proves it).
 */
export async function updateClass(
	db: Db,
	before: ClassPlace & { id: number },
	patch: Partial<{
		name: string;
		nameKey: string;
		grade: string;
		level: Level;
		pupilCount: number;
		language: InstructionLanguage;
		remarks: string | null;
		participation: Participation;
		campusId: number;
		status: ClassStatus;
		active: 1 | null;
		queuedAt: DbTime;
		withdrawnAt: DbTime | null;
	}>,
	now: DbTime
): Promise<void> {
	await db
		.updateTable('classes')
		.set({ ...patch, updatedAt: now })
		.where('id', '=', before.id)
		.execute();
	const after = { editionId: before.editionId, campusId: patch.campusId ?? before.campusId, status: patch.status ?? before.status };
	await recordClassWrite(db, before.editionId, enrolledDeltas(before, after));
}

export const findActiveClassByName = (db: Db, editionId: number, campusId: number, nameKey: string) =>
	db
		.selectFrom('classes')
		.select('id')
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('nameKey', '=', nameKey)
		.where('active', '=', 1)
		.executeTakeFirst();

/** Enrolled classes per campus of an edition, counted from the classes (the check of the counters). */
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
	if (days.length)
		await db
			.insertInto('classPreferredHalfDays')
			.values(days.map((d) => ({ classId, localDate: d.localDate, part: d.part })))
			.execute();
};

export const listPreferredHalfDays = (db: Db, classIds: number[]) =>
	classIds.length
		? db
				.selectFrom('classPreferredHalfDays')
				.select(['classId', 'localDate', 'part'])
				.where('classId', 'in', classIds)
				.orderBy('localDate')
				.orderBy('part')
				.execute()
		: Promise.resolve([]);

/** Whether the class is in a scheduled (not cancelled) workshop slot. */
export async function isInScheduledSlot(db: Db, classId: number): Promise<boolean> {
	const row = await db
		.selectFrom('slotClasses')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.select('slotClasses.slotId')
		.where('slotClasses.classId', '=', classId)
		.where('workshopSlots.status', '=', 'scheduled')
		.executeTakeFirst();
	return row !== undefined;
}
