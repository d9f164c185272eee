import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { planningPage } from '$lib/server/workshops/slots/planning.service';
import type { PageServerLoad } from './$types';

/** Per campus taking part: classes still without a workshop, and slots there with room. ?all=1 also lists campuses that are fully planned. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const { page } = pageParams(url);
	const all = url.searchParams.get('all') === '1';
	return { planning: await orHttpError(async () => planningPage(locals.db, user, Number(params.id), { page, all })) };
};
