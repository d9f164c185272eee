import { z } from 'zod';
import { isCalendarDate } from '../time/week';

/**
 * The coordinator's workshop list reads its filter, view and page from the URL
 * (a GET form: works without JavaScript, links can be shared). A value that
 * makes no sense is ignored, never an error. Client-safe: the page builds its
 * links with slotQuery().
 */
const ignored = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const day = z.string().refine(isCalendarDate);
const flag = z
	.string()
	.transform((s) => s === '1' || s === 'on')
	.catch(false);

export const slotFilterSchema = z.object({
	campus: ignored(z.coerce.number().int().positive().max(2_147_483_647)),
	from: ignored(day),
	to: ignored(day),
	needs: flag,
	unreported: flag,
	view: z.enum(['list', 'week']).catch('list'),
	week: ignored(day),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export type SlotListQuery = z.output<typeof slotFilterSchema>;

export function parseSlotFilter(params: URLSearchParams): SlotListQuery {
	return slotFilterSchema.parse(Object.fromEntries(params));
}

/**
 * The query string for a filter with changes applied; defaults are left out so
 * links stay short. `page` is dropped unless given: a new filter starts at page 1.
 */
export function slotQuery(filter: SlotListQuery, patch: Partial<SlotListQuery> = {}): string {
	const f = { ...filter, page: 1, ...patch };
	const params = new URLSearchParams();
	if (f.campus !== undefined) params.set('campus', String(f.campus));
	if (f.from) params.set('from', f.from);
	if (f.to) params.set('to', f.to);
	if (f.needs) params.set('needs', '1');
	if (f.unreported) params.set('unreported', '1');
	if (f.view === 'week') params.set('view', 'week');
	if (f.view === 'week' && f.week) params.set('week', f.week);
	if (f.view === 'list' && f.page > 1) params.set('page', String(f.page));
	const query = params.toString();
	return query ? `?${query}` : '';
}
