import type { Db } from '../../db/index';
import { fromDbTime, type DbTime } from '../../db/time';
import { brusselsTimeOf } from '../../../time/brussels';
import { overlaps } from '../slots/slot-rules';
import { listClashPlaces } from './trainer-bookable.repository';

/**
 * Why the trainer cannot book a slot of the open list now, in words they can act
 * on: which of their workshops is in the way (its Brussels start time and town),
 * whether it is the time itself or the travel between campuses, or that it
 * would be one workshop too many that day. The verdict comes from SQL
 * (trainer-open.repository.ts, show: 'all'); this only names it.
 */
export type NotBookable =
	| { kind: 'overlap'; time: string; city: string; campusName: string }
	| { kind: 'travel'; time: string; city: string; campusName: string; bufferMinutes: number }
	| { kind: 'daily_max'; ordinal: number; max: number };

export interface VerdictRow {
	id: number;
	campusId: number;
	localDate: string;
	startsAt: DbTime;
	endsAt: DbTime;
	clashId?: number | null;
	sameDay?: number | string | null;
	maxPerDay?: number;
	travelBuffer?: number;
}

/** The reasons for a page of rows, with the clashing workshops read in one query. */
export async function notBookableReasons(db: Db, rows: VerdictRow[]): Promise<(row: VerdictRow) => NotBookable | null> {
	const clashIds = [...new Set(rows.map((r) => r.clashId).filter((id): id is number => id !== null && id !== undefined))];
	const places = new Map((await listClashPlaces(db, clashIds)).map((p) => [p.id, p]));
	return (row) => {
		const clash = row.clashId ? places.get(row.clashId) : undefined;
		if (clash) {
			const where = { time: brusselsTimeOf(fromDbTime(clash.startsAt)), city: clash.city, campusName: clash.campusName };
			const sameTime = clash.campusId === row.campusId || overlaps(row, { ...clash, localDate: row.localDate });
			return sameTime ? { kind: 'overlap', ...where } : { kind: 'travel', ...where, bufferMinutes: row.travelBuffer ?? 0 };
		}
		const sameDay = Number(row.sameDay ?? 0);
		if (row.maxPerDay !== undefined && sameDay >= row.maxPerDay) return { kind: 'daily_max', ordinal: sameDay + 1, max: row.maxPerDay };
		return null;
	};
}
