import { pageUser } from '$lib/server/auth/guards';
import { coordinatorDashboard } from '$lib/server/dashboard.service';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { dashboard: await coordinatorDashboard(await getDb()) };
};
