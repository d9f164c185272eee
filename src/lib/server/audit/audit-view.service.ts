import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { fromDbTime, toDbTime } from '../db/time';
import { textKey } from '../db/keys';
import { pageCount } from '../pagination';
import type { AuditFilter } from '../../schemas/audit-filter';
import { addDays, brusselsToUtc } from '../../time/brussels';
import { auditSummary } from './audit-summary';
import * as repo from './audit-view.repository';

/**
 * The coordinators' audit view: who did what, to what, when, across the app.
 * Filters become index ranges (see the audit_log indexes); names typed in the
 * person and campus filters are resolved to ids first. Details are redacted
 * (audit/redact.ts) before they are summarised, on the page and in the CSV.
 */

/** The filter with names resolved to ids; null when a name filter matches nobody (the answer is empty). */
export async function resolveAuditWhere(db: Kysely<Database>, f: AuditFilter): Promise<repo.AuditWhere | null> {
	const personIds = f.person ? await repo.findPersonIds(db, f.person) : null;
	const campusIds = f.campus ? await repo.findCampusIds(db, textKey(f.campus)) : null;
	if (personIds?.length === 0 || campusIds?.length === 0) return null;
	return {
		personIds,
		campusIds,
		editionId: f.editionId,
		kind: f.kind,
		fromAt: f.from ? toDbTime(brusselsToUtc(f.from)) : null,
		toBefore: f.to ? toDbTime(brusselsToUtc(addDays(f.to, 1))) : null
	};
}

export interface AuditRowView {
	id: number;
	at: Date;
	action: string;
	entity: string;
	/** null: the system (a job, a link) rather than a person. */
	actor: { name: string; deleted: boolean } | null;
	campus: string | null;
	edition: string | null;
	summary: string;
}

type Row = Awaited<ReturnType<typeof repo.listAuditEntries>>[number];

export function auditRowView(r: Row, hiddenWord: string): AuditRowView {
	return {
		id: r.id,
		at: fromDbTime(r.createdAt),
		action: r.action,
		entity: `${r.entityType} #${r.entityId}`,
		actor: r.actorUserId === null ? null : { name: r.actorName ?? '', deleted: !!r.actorAnonymisedAt || r.actorName === null },
		campus: r.campusName ?? null,
		edition: r.editionName ?? null,
		summary: auditSummary(r.beforeJson, r.afterJson, hiddenWord)
	};
}

export async function auditPage(db: Kysely<Database>, actor: Actor, f: AuditFilter, page: { page: number; limit: number; offset: number }, hiddenWord: string) {
	requireCoordinator(actor);
	const editions = await repo.listEditionChoices(db);
	const where = await resolveAuditWhere(db, f);
	if (!where) return { editions, rows: [] as AuditRowView[], total: 0, page: 1, pages: 1 };
	const [rows, total] = await Promise.all([repo.listAuditEntries(db, where, page), repo.countAuditEntries(db, where)]);
	return { editions, rows: rows.map((r) => auditRowView(r, hiddenWord)), total, page: page.page, pages: pageCount(total, page.limit) };
}
