import type { Db } from '../../db/index';
import { isMysql } from '../../db/dialect-of';

/**
 * Row locks in the one fixed order of DESIGN §5.7: trainers by id, then classes
 * by id, then the slot. Every booking, assignment and slot edit goes through
 * these, so two transactions touching the same trainer or slot queue up instead
 * of both deciding on stale rows. On SQLite the single connection already runs
 * one transaction at a time, so the locks are no-ops there.
 */
export async function lockTrainers(db: Db, trainerIds: number[]): Promise<void> {
	if (!isMysql(db) || trainerIds.length === 0) return;
	const ids = [...new Set(trainerIds)].sort((a, b) => a - b);
	await db.selectFrom('users').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export async function lockClasses(db: Db, classIds: number[]): Promise<void> {
	if (!isMysql(db) || classIds.length === 0) return;
	const ids = [...new Set(classIds)].sort((a, b) => a - b);
	await db.selectFrom('classes').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** The slot row, locked on MySQL until the transaction ends. */
export const lockSlot = (db: Db, slotId: number) =>
	db
		.selectFrom('workshopSlots')
		.selectAll()
		.where('id', '=', slotId)
		.$if(isMysql(db), (q) => q.forUpdate())
		.executeTakeFirst();
