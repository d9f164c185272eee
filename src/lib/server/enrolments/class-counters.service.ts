import type { Kysely } from 'kysely';
import { findEditionForUpdate, listEditionIds } from '../campaigns/edition.repository';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { overwriteCounters, readStoredCounters } from './class-counters.repository';
import { countEnrolledByCampus } from './class.repository';

/** A counter that disagrees with its classes: the edition's total (campusId null) or one campus's. */
export interface CounterDrift {
	editionId: number;
	campusId: number | null;
	stored: number;
	counted: number;
}

/**
 * Recounts an edition's enrolled classes and compares them with its counters;
 * with `repair`, overwrites the counters with the recount. The caller holds the
 * edition's lock (or is the only writer, like a seed), so no write slips between
 * the count and the comparison.
 */
export async function recountEdition(db: Db, editionId: number, repair: boolean): Promise<CounterDrift[]> {
	const counted = await countEnrolledByCampus(db, editionId);
	const stored = await readStoredCounters(db, editionId);
	const total = [...counted.values()].reduce((a, b) => a + b, 0);
	const drifts: CounterDrift[] = [];
	if ((stored.edition ?? 0) !== total) drifts.push({ editionId, campusId: null, stored: stored.edition ?? 0, counted: total });
	for (const campusId of new Set([...counted.keys(), ...stored.campuses.keys()])) {
		const c = counted.get(campusId) ?? 0;
		const s = stored.campuses.get(campusId) ?? 0;
		if (c !== s) drifts.push({ editionId, campusId, stored: s, counted: c });
	}
	if (repair && (drifts.length > 0 || stored.edition === null)) await overwriteCounters(db, editionId, total, counted);
	return drifts;
}

/**
 * Checks the counters of every edition against their classes, each edition in a
 * transaction under its lock (one grouped count of its classes, the cost the
 * counters save every enrolment). Returns the drifts found; with `repair`, they
 * are corrected too.
 */
export async function checkClassCounters(db: Kysely<Database>, opts: { repair: boolean }): Promise<CounterDrift[]> {
	const drifts: CounterDrift[] = [];
	for (const id of await listEditionIds(db)) {
		drifts.push(
			...(await withTransaction(db, async (trx) => {
				if (!(await findEditionForUpdate(trx, id))) return [];
				return recountEdition(trx, id, opts.repair);
			}))
		);
	}
	return drifts;
}
