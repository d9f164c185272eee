import { pageUser } from '$lib/server/auth/guards';
import { editionsForDisplay } from '$lib/server/campaigns/edition-view';
import { listCampusesOfTeacher } from '$lib/server/campuses/campus.repository';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const db = await getDb();
	const [campuses, editions] = await Promise.all([listCampusesOfTeacher(db, user.id), editionsForDisplay(db, ['published'])]);
	return { campuses, editions };
};
