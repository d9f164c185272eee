import type { Db } from '../db';
import { findOwnerScope } from './audit.repository';

export interface AuditScope {
	campusId: number | null;
	editionId: number | null;
}

/** Entities that belong to a campus and/or an edition, and where to read that. */
const owners = {
	class: { table: 'classes', campus: true, edition: true },
	workshop_slot: { table: 'workshopSlots', campus: true, edition: true },
	kit_order: { table: 'kitOrders', campus: true, edition: true },
	certificate: { table: 'certificates', campus: true, edition: true },
	kit_item: { table: 'kitItems', campus: false, edition: true },
	material: { table: 'materials', campus: false, edition: true }
} as const;

const idOf = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null);

/** A campusId/editionId named in the entry's details (a teacher joining a campus, a feed of an edition). */
function fromDetails(details: unknown[], key: 'campusId' | 'editionId'): number | null {
	for (const d of details) {
		if (d && typeof d === 'object' && !Array.isArray(d)) {
			const id = idOf((d as Record<string, unknown>)[key]);
			if (id) return id;
		}
	}
	return null;
}

/**
 * Which campus and edition an audit entry is about, so the audit view can filter
 * by them with an index instead of joining every entity table. One primary-key
 * read inside the writer's transaction, only for entities that have an owner.
 */
export async function resolveAuditScope(db: Db, entityType: string, entityId: string, details: unknown[]): Promise<AuditScope> {
	const scope: AuditScope = { campusId: fromDetails(details, 'campusId'), editionId: fromDetails(details, 'editionId') };
	const numericId = Number(entityId);
	if (entityType === 'edition') return { ...scope, editionId: idOf(numericId) };
	if (entityType === 'campus') return { ...scope, campusId: idOf(numericId) };
	const owner = owners[entityType as keyof typeof owners];
	if (!owner || !idOf(numericId)) return scope;
	const row = await findOwnerScope(db, owner.table, owner.campus, numericId);
	return { campusId: row?.campusId ?? scope.campusId, editionId: row?.editionId ?? scope.editionId };
}
