import { listEditionQuotas } from '../campaigns/edition.repository';
import type { Db } from '../db';
import { nowDb } from '../db/time';
import { readCampusEnrolled, readEditionEnrolled, readEnrolled } from './class-counters.repository';
import { listWaiting, updateClass } from './class.repository';

export interface Quotas {
	maxClasses: number | null;
	maxClassesPerCampus: number | null;
}

/** Whether one more class of this campus fits, given the current counts. */
export function hasPlace(quotas: Quotas, counts: { edition: number; campus: number }): boolean {
	return (
		(quotas.maxClasses === null || counts.edition < quotas.maxClasses) && (quotas.maxClassesPerCampus === null || counts.campus < quotas.maxClassesPerCampus)
	);
}

/**
 * Which limit keeps a class of this campus out: the campus's own maximum (a
 * place elsewhere in the edition would not help it) before the edition's total.
 * Null when it fits.
 */
export type WaitReason = 'campus' | 'edition';
export function waitReason(quotas: Quotas, counts: { edition: number; campus: number }): WaitReason | null {
	if (quotas.maxClassesPerCampus !== null && counts.campus >= quotas.maxClassesPerCampus) return 'campus';
	if (quotas.maxClasses !== null && counts.edition >= quotas.maxClasses) return 'edition';
	return null;
}

/** Where a new class of this campus goes right now, and which limit sent it to the waiting list. The caller holds the edition lock, so the counters are exact. */
export async function placeForNewClass(
	db: Db,
	editionId: number,
	campusId: number,
	quotas: Quotas
): Promise<{ status: 'enrolled' | 'waiting'; reason: WaitReason | null }> {
	const reason = waitReason(quotas, await readEnrolled(db, editionId, campusId));
	return { status: reason ? 'waiting' : 'enrolled', reason };
}

/** Why each waiting class waits now, for classes of any editions (read from the counters, never a count of the edition). */
export async function waitReasons(db: Db, waiting: { id: number; editionId: number; campusId: number }[]): Promise<Map<number, WaitReason>> {
	const out = new Map<number, WaitReason>();
	const editionIds = [...new Set(waiting.map((c) => c.editionId))];
	if (editionIds.length === 0) return out;
	const quotas = await listEditionQuotas(db, editionIds);
	for (const q of quotas) {
		const ofEdition = waiting.filter((w) => w.editionId === q.id);
		const perCampus = await readCampusEnrolled(db, q.id, [...new Set(ofEdition.map((c) => c.campusId))]);
		const total = await readEditionEnrolled(db, q.id);
		for (const c of ofEdition) {
			const reason = waitReason(q, { edition: total, campus: perCampus.get(c.campusId) ?? 0 });
			if (reason) out.set(c.id, reason);
		}
	}
	return out;
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
	let total = await readEditionEnrolled(db, editionId);
	if (quotas.maxClasses !== null && total >= quotas.maxClasses) return [];
	const waitingList = await listWaiting(db, editionId);
	const perCampus = await readCampusEnrolled(db, editionId, [...new Set(waitingList.map((w) => w.campusId))]);
	const promoted: Promotion[] = [];
	for (const waiting of waitingList) {
		if (quotas.maxClasses !== null && total >= quotas.maxClasses) break;
		const campusCount = perCampus.get(waiting.campusId) ?? 0;
		if (!hasPlace(quotas, { edition: total, campus: campusCount })) continue;
		await updateClass(db, { id: waiting.id, editionId, campusId: waiting.campusId, status: 'waiting' }, { status: 'enrolled' }, nowDb());
		perCampus.set(waiting.campusId, campusCount + 1);
		total++;
		promoted.push({ classId: waiting.id, enrolledBy: waiting.enrolledBy, name: waiting.name });
	}
	return promoted;
}
