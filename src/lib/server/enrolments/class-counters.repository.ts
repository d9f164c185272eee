import type { Db } from '../db';
import type { ClassStatus } from '../db/schema';

/**
 * The enrolled counters of an edition and its campuses (migrations
 * 2026-12-06T1200/1201). Only class.repository writes them, in the same
 * statement sequence as the class row, and every caller already holds the
 * edition's lock, so increments never race and a quota check reads one or two
 * rows instead of counting the edition's classes.
 */

/** A class as the counters see it: where it is and whether it holds a place. */
export interface ClassPlace {
	editionId: number;
	campusId: number;
	status: ClassStatus;
}

/** How the enrolled counts of campuses change when a class goes from `before` (null: new) to `after`. */
export function enrolledDeltas(before: ClassPlace | null, after: ClassPlace): Map<number, number> {
	const deltas = new Map<number, number>();
	const add = (campusId: number, d: number) => deltas.set(campusId, (deltas.get(campusId) ?? 0) + d);
	if (before?.status === 'enrolled') add(before.campusId, -1);
	if (after.status === 'enrolled') add(after.campusId, 1);
	for (const [campusId, d] of deltas) if (d === 0) deltas.delete(campusId);
	return deltas;
}

/**
 * Records a write to a class of the edition: applies the enrolled deltas per
 * campus and raises the edition's version (caches of edition-wide figures compare
 * it). A missing row is created here; the caller's edition lock keeps two
 * writers from both creating it.
 */
export async function recordClassWrite(db: Db, editionId: number, deltas: Map<number, number>): Promise<void> {
	const total = [...deltas.values()].reduce((a, b) => a + b, 0);
	const updated = await db
		.updateTable('editionClassCounters')
		.set((eb) => ({ enrolled: eb('enrolled', '+', total), version: eb('version', '+', 1) }))
		.where('editionId', '=', editionId)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) await db.insertInto('editionClassCounters').values({ editionId, enrolled: total, version: 1 }).execute();
	for (const [campusId, d] of deltas) {
		const row = await db
			.updateTable('campusClassCounters')
			.set((eb) => ({ enrolled: eb('enrolled', '+', d) }))
			.where('editionId', '=', editionId)
			.where('campusId', '=', campusId)
			.executeTakeFirst();
		if (Number(row.numUpdatedRows) === 0) await db.insertInto('campusClassCounters').values({ editionId, campusId, enrolled: d }).execute();
	}
}

/** Enrolled classes of the edition, from its counter. */
export async function readEditionEnrolled(db: Db, editionId: number): Promise<number> {
	const row = await db.selectFrom('editionClassCounters').select('enrolled').where('editionId', '=', editionId).executeTakeFirst();
	return row?.enrolled ?? 0;
}

/** Enrolled classes of the edition and of one of its campuses, from the counters. */
export async function readEnrolled(db: Db, editionId: number, campusId: number): Promise<{ edition: number; campus: number }> {
	const edition = await readEditionEnrolled(db, editionId);
	const campus = await db
		.selectFrom('campusClassCounters')
		.select('enrolled')
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.executeTakeFirst();
	return { edition, campus: campus?.enrolled ?? 0 };
}

/** Enrolled classes of some campuses of the edition (absent: none). */
export async function readCampusEnrolled(db: Db, editionId: number, campusIds: number[]): Promise<Map<number, number>> {
	if (campusIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('campusClassCounters')
		.select(['campusId', 'enrolled'])
		.where('editionId', '=', editionId)
		.where('campusId', 'in', campusIds)
		.execute();
	return new Map(rows.map((r) => [r.campusId, r.enrolled]));
}

/** The edition's version: raised by every class write, 0 before the first. */
export async function readClassVersion(db: Db, editionId: number): Promise<number> {
	const row = await db.selectFrom('editionClassCounters').select('version').where('editionId', '=', editionId).executeTakeFirst();
	return row?.version ?? 0;
}

/** Every counter of an edition as stored: the edition's total and each campus's. */
export async function readStoredCounters(db: Db, editionId: number): Promise<{ edition: number | null; campuses: Map<number, number> }> {
	const edition = await db.selectFrom('editionClassCounters').select('enrolled').where('editionId', '=', editionId).executeTakeFirst();
	const rows = await db.selectFrom('campusClassCounters').select(['campusId', 'enrolled']).where('editionId', '=', editionId).execute();
	return { edition: edition?.enrolled ?? null, campuses: new Map(rows.map((r) => [r.campusId, r.enrolled])) };
}

/** Overwrites an edition's counters with recounted figures (the repair of a drift), raising its version. */
export async function overwriteCounters(db: Db, editionId: number, total: number, campuses: Map<number, number>): Promise<void> {
	await db.deleteFrom('campusClassCounters').where('editionId', '=', editionId).execute();
	const rows = [...campuses].map(([campusId, enrolled]) => ({ editionId, campusId, enrolled }));
	for (let i = 0; i < rows.length; i += 500)
		await db
			.insertInto('campusClassCounters')
			.values(rows.slice(i, i + 500))
			.execute();
	const updated = await db
		.updateTable('editionClassCounters')
		.set((eb) => ({ enrolled: total, version: eb('version', '+', 1) }))
		.where('editionId', '=', editionId)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) await db.insertInto('editionClassCounters').values({ editionId, enrolled: total, version: 1 }).execute();
}
