import type { Db } from '../db';
import { nowDb } from '../db/time';
import { countEnrolled, countEnrolledByCampus, listWaiting, updateClass } from './class.repository';

export interface Quotas {
	maxClasses: number | null;
	maxClassesPerCampus: number | null;
}

/** Whether one more class of this campus fits, given the current counts. */
export function hasPlace(quotas: Quotas, counts: { edition: number; campus: number }): boolean {
	return (quotas.maxClasses === null || counts.edition < quotas.maxClasses) && (quotas.maxClassesPerCampus === null || counts.campus < quotas.maxClassesPerCampus);
}

/** Where a new class of this campus goes right now. The caller holds the edition lock. */
export async function statusForNewClass(db: Db, editionId: number, campusId: number, quotas: Quotas): Promise<'enrolled' | 'waiting'> {
	return hasPlace(quotas, await countEnrolled(db, editionId, campusId)) ? 'enrolled' : 'waiting';
}

export interface Promotion {
	classId: number;
	enrolledBy: number;
	name: string;
}

/**
 * Promotes waiting classes in arrival order while places are free: the first
 * *eligible* class goes first (one whose campus is under its own maximum), so a
 * full campus never blocks the list for others. Called in the transaction that
 * freed a place (withdrawal, raised quota) while holding the edition lock.
 * Lowering a quota never demotes anyone: this only ever promotes.
 */
export async function promoteWhilePossible(db: Db, editionId: number, quotas: Quotas): Promise<Promotion[]> {
	const perCampus = await countEnrolledByCampus(db, editionId);
	let total = [...perCampus.values()].reduce((a, b) => a + b, 0);
	if (quotas.maxClasses !== null && total >= quotas.maxClasses) return [];
	const promoted: Promotion[] = [];
	for (const waiting of await listWaiting(db, editionId)) {
		if (quotas.maxClasses !== null && total >= quotas.maxClasses) break;
		const campusCount = perCampus.get(waiting.campusId) ?? 0;
		if (!hasPlace(quotas, { edition: total, campus: campusCount })) continue;
		await updateClass(db, waiting.id, { status: 'enrolled' }, nowDb());
		perCampus.set(waiting.campusId, campusCount + 1);
		total++;
		promoted.push({ classId: waiting.id, enrolledBy: waiting.enrolledBy, name: waiting.name });
	}
	return promoted;
}
