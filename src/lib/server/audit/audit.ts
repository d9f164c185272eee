import type { Db } from '../db';
import { nowDb } from '../db/time';
import { insertAuditEntry } from './audit.repository';
import { resolveAuditScope } from './audit-scope';

/**
 * Records who did what, inside the caller's transaction: the entry exists exactly
 * when the change does. Action codes are namespaced ("campus.invite_code.regenerated").
 * Never pass secrets (password hashes, tokens) in before/after.
 */
export async function audit(
	db: Db,
	entry: { actorId: number | null; action: string; entityType: string; entityId: number | string; before?: unknown; after?: unknown }
): Promise<void> {
	const scope = await resolveAuditScope(db, entry.entityType, String(entry.entityId), [entry.after, entry.before]);
	await insertAuditEntry(db, {
		...scope,
		actorUserId: entry.actorId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: String(entry.entityId),
		beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
		afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
		createdAt: nowDb()
	});
}
