import type { SlotOutcome, SlotStatus } from '../../db/schema';
import { fromDbTime, type DbTime } from '../../db/time';
import { brusselsTimeOf } from '../../../time/brussels';

/**
 * Where a slot stands, as the coordinator's pages name it: cancelled, reported
 * (given or not), over without a report, or still to come.
 */
export type SlotState = 'cancelled' | 'given' | 'not_given' | 'unreported' | 'planned';

export function slotState(slot: { status: SlotStatus; outcome: SlotOutcome | null; endsAt: DbTime }, now: Date): SlotState {
	if (slot.status === 'cancelled') return 'cancelled';
	if (slot.outcome) return slot.outcome;
	return fromDbTime(slot.endsAt) <= now ? 'unreported' : 'planned';
}

/** Start and end on the Brussels clock, "08:30" and "09:20". */
export const localTimes = (slot: { startsAt: DbTime; endsAt: DbTime }) => ({
	start: brusselsTimeOf(fromDbTime(slot.startsAt)),
	end: brusselsTimeOf(fromDbTime(slot.endsAt))
});

/** Groups rows by a key, keeping their order: the classes or trainers of each slot of a page. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = out.get(k);
		if (list) list.push(row);
		else out.set(k, [row]);
	}
	return out;
}
