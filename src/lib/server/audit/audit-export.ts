import type { Kysely } from 'kysely';
import { requireCoordinator, type Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { clock } from '../db/time';
import type { Download } from '../http/download';
import { csvBom, csvContentType, csvRows } from '../reports/csv';
import type { AuditFilter } from '../../schemas/audit-filter';
import { brusselsDateOf, brusselsTimeOf } from '../../time/brussels';
import * as m from '../../paraglide/messages';
import { auditRowView, resolveAuditWhere } from './audit-view.service';
import { listAuditEntries } from './audit-view.repository';

export const auditExportChunk = 500;

type Locale = 'nl' | 'en';

export const auditCsvHeader = (locale: Locale) =>
	[m.md_col_when, m.md_col_person, m.md_col_action, m.md_col_entity, m.md_col_campus, m.md_col_edition, m.md_col_details].map((h) => h({}, { locale }));

/**
 * The audit view's rows as CSV with the same filters, newest first, read in
 * keyset chunks (never one query holding the whole log) and stopped when the
 * download is cancelled. Details are the page's redacted summary.
 */
export function auditCsv(db: Kysely<Database>, actor: Actor, f: AuditFilter, locale: Locale, signal?: AbortSignal): AsyncGenerator<string, void> {
	// Checked here, before the first byte: a generator's body would only run once read.
	requireCoordinator(actor);
	return auditCsvChunks(db, f, locale, signal);
}

async function* auditCsvChunks(db: Kysely<Database>, f: AuditFilter, locale: Locale, signal?: AbortSignal): AsyncGenerator<string, void> {
	yield csvBom + csvRows([auditCsvHeader(locale)], locale);
	const where = await resolveAuditWhere(db, f);
	if (!where) return;
	const hidden = m.md_hidden({}, { locale });
	const system = m.md_actor_system({}, { locale });
	const deleted = m.md_actor_deleted({}, { locale });
	let beforeId: number | undefined;
	for (;;) {
		if (signal?.aborted) return;
		const rows = await listAuditEntries(db, where, { limit: auditExportChunk, beforeId });
		if (!rows.length) return;
		yield csvRows(
			rows.map((r) => {
				const v = auditRowView(r, hidden);
				const person = v.actor === null ? system : v.actor.deleted ? deleted : v.actor.name;
				return [`${brusselsDateOf(v.at)} ${brusselsTimeOf(v.at)}`, person, v.action, v.entity, v.campus, v.edition, v.summary];
			}),
			locale
		);
		if (rows.length < auditExportChunk) return;
		beforeId = rows[rows.length - 1].id;
	}
}

/** A download that reads the next chunk only when the client has taken the last one, and stops when it goes away. */
export function textStream(chunks: AsyncGenerator<string, void>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const next = await chunks.next();
				if (next.done) controller.close();
				else controller.enqueue(encoder.encode(next.value));
			},
			async cancel() {
				await chunks.return();
			}
		},
		{ highWaterMark: 0 }
	);
}

/** The audit view as a CSV download, read chunk by chunk as the client takes it; never cached. */
export function auditCsvDownload(db: Kysely<Database>, actor: Actor, f: AuditFilter, locale: Locale, signal?: AbortSignal): Download {
	const chunks = auditCsv(db, actor, f, locale, signal);
	return { filename: `audit-${brusselsDateOf(clock.now())}.csv`, contentType: csvContentType, body: textStream(chunks), cacheControl: 'no-store' };
}
