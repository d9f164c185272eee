import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { campaignReport } from '$lib/server/reports/campaign-report.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const report = await orHttpError(() => campaignReport(locals.db, user, Number(params.id)));
	// The campus table can run to thousands of rows: it is in the downloads, not on the page.
	return { report: { ...report, campuses: [] }, campusCount: report.campuses.length };
};
