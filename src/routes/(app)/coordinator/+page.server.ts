import { pageUser } from '$lib/server/auth/guards';
import { coordinatorDashboard } from '$lib/server/reports/dashboard.service';
import { firstRunChecklist } from '$lib/server/setup/first-run.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const db = locals.db;
	const [dashboard, firstRun] = await Promise.all([coordinatorDashboard(db), firstRunChecklist(db)]);
	return { dashboard, firstRun };
};
