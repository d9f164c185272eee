import { pageUser } from '$lib/server/auth/guards';
import { coordinatorDashboard } from '$lib/server/dashboard.service';
import { firstRunChecklist } from '$lib/server/setup/first-run.service';
import { countOpenDeletionRequests } from '$lib/server/privacy/deletion-request.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const db = locals.db;
	const [dashboard, firstRun, deletionRequests] = await Promise.all([coordinatorDashboard(db), firstRunChecklist(db), countOpenDeletionRequests(db)]);
	return { dashboard, firstRun, deletionRequests };
};
