import { pageUser } from '$lib/server/auth/guards';
import { clock } from '$lib/server/db/time';
import { orHttpError } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { myToReport, myWeek, myWorkshopsPage } from '$lib/server/workshops/trainers/trainer-views.service';
import { brusselsDateOf } from '$lib/time/brussels';
import { weekParam } from '$lib/time/week';
import type { PageServerLoad } from './$types';

/** "My workshops" as a list (upcoming, past paged) or as one week (?view=week&week=YYYY-MM-DD). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const today = brusselsDateOf(clock.now());
	const toReport = await orHttpError(() => myToReport(db, user));
	if (url.searchParams.get('view') === 'week') {
		const monday = weekParam(url.searchParams.get('week'), today);
		return { view: 'week' as const, today, toReport, week: { monday, slots: await myWeek(db, user, monday) }, list: null };
	}
	return { view: 'list' as const, today, toReport, week: null, list: await myWorkshopsPage(db, user, pageParams(url)) };
};
