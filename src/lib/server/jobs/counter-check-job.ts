import { subDays } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toDbTime } from '../db/time';
import { checkClassCounters } from '../enrolments/class-counters.service';
import { logger } from '../log';
import { claimRun, recordRunResult } from './job-runs.repository';

export const counterCheckJobName = 'class_counter_check';

/**
 * The daily housekeeping pass over the enrolled counters: one process a day
 * (claimed like the retention pass) recounts every edition, logs each drift as a
 * warning (a drift means some write bypassed class.repository: a bug to find)
 * and repairs it, so quotas are right again from the next enrolment on.
 * Returns the number of drifts, or null when the pass was not due.
 */
export async function checkClassCountersIfDue(db: Kysely<Database>, now: Date): Promise<number | null> {
	if (!(await claimRun(db, counterCheckJobName, toDbTime(now), toDbTime(subDays(now, 1))))) return null;
	const drifts = await checkClassCounters(db, { repair: true });
	for (const d of drifts) logger.warn('enrolled counter drift repaired', { ...d });
	await recordRunResult(db, counterCheckJobName, { drifts: drifts.length });
	return drifts.length;
}
