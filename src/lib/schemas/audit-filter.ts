import { z } from 'zod';

/**
 * The audit view's filters, read from the query string (a GET form, so the page
 * works without JavaScript and a filtered view can be bookmarked or exported).
 * Unknown or malformed values are dropped, never an error page.
 */
export const auditKinds = [
	'user',
	'teacher',
	'class',
	'workshop',
	'edition',
	'campaign',
	'campus',
	'school',
	'organisation',
	'material',
	'kit_item',
	'kit_order',
	'kit_stock',
	'certificate',
	'calendar_feed',
	'mail',
	'settings'
] as const;
export type AuditKind = (typeof auditKinds)[number];

export interface AuditFilter {
	/** Part of a person's name or e-mail address: entries by them or about their account. */
	person: string;
	/** Part of a campus's or school's name. */
	campus: string;
	editionId: number | null;
	kind: AuditKind | null;
	/** Brussels calendar days, inclusive. */
	from: string | null;
	to: string | null;
}

const text = z.string().trim().max(100).catch('');
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
	.nullable()
	.catch(null);

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
	const edition = Number(params.get('edition'));
	const kind = params.get('kind');
	let from = day.parse(params.get('from') || null);
	let to = day.parse(params.get('to') || null);
	// A range typed backwards still means the days between the two dates.
	if (from && to && from > to) [from, to] = [to, from];
	return {
		person: text.parse(params.get('person') ?? ''),
		campus: text.parse(params.get('campus') ?? ''),
		editionId: Number.isSafeInteger(edition) && edition > 0 ? edition : null,
		kind: (auditKinds as readonly string[]).includes(kind ?? '') ? (kind as AuditKind) : null,
		from,
		to
	};
}

/** The filter as query parameters again (the export link carries the same filters). */
export function auditFilterQuery(f: AuditFilter): string {
	const p = new URLSearchParams();
	if (f.person) p.set('person', f.person);
	if (f.campus) p.set('campus', f.campus);
	if (f.editionId) p.set('edition', String(f.editionId));
	if (f.kind) p.set('kind', f.kind);
	if (f.from) p.set('from', f.from);
	if (f.to) p.set('to', f.to);
	return p.toString();
}
