import { z } from 'zod';
import { grades, levels } from '../domain';

/**
 * The coordinator's enrolment overview reads its filter, sort and page from the
 * URL (a GET form, so it works without JavaScript and links can be shared).
 * A value that makes no sense is ignored, never an error: an old bookmark or a
 * hand-edited link still shows a page. Client-safe: the page builds its links
 * with enrolmentQuery().
 */
export const overviewSorts = ['school', 'campus', 'class', 'grade', 'pupils', 'status', 'enrolled'] as const;
export type OverviewSort = (typeof overviewSorts)[number];

/** No status in the URL means enrolled and waiting classes (withdrawn ones are hidden). */
export const statusFilters = ['enrolled', 'waiting', 'withdrawn', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export const searchMaxLength = 100;

const ignored = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Free text, trimmed and cut to a sane length; anything else is no text. */
const text = z
	.string()
	.transform((s) => s.normalize('NFC').trim().slice(0, searchMaxLength))
	.catch('');

export const enrolmentFilterSchema = z.object({
	/** Part of a school's name, or its instellingsnummer (a search field: 2,000 schools make no dropdown). */
	school: text,
	level: ignored(z.enum(levels)),
	grade: ignored(z.enum(grades as [string, ...string[]])),
	status: ignored(z.enum(statusFilters)),
	q: text,
	sort: z.enum(overviewSorts).catch('school'),
	dir: z.enum(['asc', 'desc']).catch('asc'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export type EnrolmentFilter = z.output<typeof enrolmentFilterSchema>;

export function parseEnrolmentFilter(params: URLSearchParams): EnrolmentFilter {
	return enrolmentFilterSchema.parse(Object.fromEntries(params));
}

/**
 * The query string for a filter, with changes applied; defaults are left out so
 * links stay short. `page` is dropped unless given: a new sort or filter starts
 * at page 1.
 */
export function enrolmentQuery(filter: EnrolmentFilter, patch: Partial<EnrolmentFilter> = {}): string {
	const f = { ...filter, page: 1, ...patch };
	const params = new URLSearchParams();
	if (f.q) params.set('q', f.q);
	if (f.school) params.set('school', f.school);
	if (f.level) params.set('level', f.level);
	if (f.grade) params.set('grade', f.grade);
	if (f.status) params.set('status', f.status);
	if (f.sort !== 'school') params.set('sort', f.sort);
	if (f.dir !== 'asc') params.set('dir', f.dir);
	if (f.page > 1) params.set('page', String(f.page));
	const query = params.toString();
	return query ? `?${query}` : '';
}
