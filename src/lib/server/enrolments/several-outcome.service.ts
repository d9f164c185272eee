import type { Db } from '../db';
import { listOwnCurrentClasses, waitingPositions } from './class-view.repository';
import { waitReasons, type WaitReason } from './quota';

export interface SeveralOutcome {
	edition: string;
	classes: { id: number; name: string; status: 'enrolled' | 'waiting'; position: number | null; reason: WaitReason | null }[];
	/** Classes of the form that are no longer there (withdrawn since), or never were this teacher's. */
	missing: number;
}

const idsOf = (raw: string | null) =>
	(raw ?? '')
		.split(',')
		.filter((s) => /^[1-9]\d{0,9}$/.test(s))
		.map(Number)
		.slice(0, 50);

/**
 * What became of the classes of a form of several (issue 18.3), for the notice
 * on the teacher's start page after it: read now, so a position is today's. Only
 * the teacher's own classes are read; ids of others in the address show nothing.
 */
export async function severalOutcome(db: Db, teacherId: number, raw: string | null): Promise<SeveralOutcome | null> {
	const ids = idsOf(raw);
	if (ids.length === 0) return null;
	const rows = await listOwnCurrentClasses(db, teacherId, ids);
	if (rows.length === 0) return null;
	const waiting = rows.filter((r) => r.status === 'waiting');
	const [positions, reasons] = await Promise.all([
		waitingPositions(
			db,
			waiting.map((r) => r.id)
		),
		waitReasons(db, waiting)
	]);
	return {
		edition: rows[0].edition,
		classes: rows.map((r) => ({
			id: r.id,
			name: r.name,
			status: r.status as 'enrolled' | 'waiting',
			position: positions.get(r.id) ?? null,
			reason: reasons.get(r.id) ?? null
		})),
		missing: ids.length - rows.length
	};
}
