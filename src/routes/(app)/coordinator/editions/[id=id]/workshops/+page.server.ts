import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { slotListPage, slotWeekPage } from '$lib/server/workshops/slots/slot-list.service';
import { parseSlotFilter } from '$lib/schemas/slot-filter';
import type { PageServerLoad } from './$types';

/** The edition's workshop slots as a paged list or, with ?view=week, one week at a time. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const q = parseSlotFilter(url.searchParams);
	const created = Number(url.searchParams.get('created') ?? 0);
	if (q.view === 'week') return { view: 'week' as const, week: await orHttpError(() => slotWeekPage(db, user, Number(params.id), q)), created };
	return { view: 'list' as const, list: await orHttpError(() => slotListPage(db, user, Number(params.id), q)), created };
};
