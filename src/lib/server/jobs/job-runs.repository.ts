import type { Db } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { DbTime } from '../db/time';

/**
 * Claims a periodic job's run: true for exactly one caller per period, across
 * processes. The row's last_run_at moves forward only by a conditional UPDATE
 * (last run before `dueBefore`), and the first run ever inserts the row, where the
 * primary key lets one of two racing processes through.
 */
export async function claimRun(db: Db, name: string, now: DbTime, dueBefore: DbTime): Promise<boolean> {
	const updated = await db.updateTable('jobRuns').set({ lastRunAt: now }).where('name', '=', name).where('lastRunAt', '<', dueBefore).executeTakeFirst();
	if (Number(updated.numUpdatedRows) > 0) return true;
	if (await db.selectFrom('jobRuns').select('name').where('name', '=', name).executeTakeFirst()) return false;
	try {
		await db.insertInto('jobRuns').values({ name, lastRunAt: now, resultJson: null }).execute();
		return true;
	} catch (err) {
		if (isUniqueViolation(err)) return false;
		throw err;
	}
}

export const recordRunResult = (db: Db, name: string, result: unknown) =>
	db
		.updateTable('jobRuns')
		.set({ resultJson: JSON.stringify(result) })
		.where('name', '=', name)
		.execute();

export const findJobRun = (db: Db, name: string) => db.selectFrom('jobRuns').select(['lastRunAt', 'resultJson']).where('name', '=', name).executeTakeFirst();
