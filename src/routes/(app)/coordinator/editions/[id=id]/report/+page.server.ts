import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/errors';
import { messageOf } from '$lib/server/http/forms';
import { campaignReport } from '$lib/server/reports/campaign-report.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	try {
		const report = await campaignReport(locals.db, user, Number(params.id));
		// The campus table can run to thousands of rows: it is in the downloads, not on the page.
		return { report: { ...report, campuses: [] }, campusCount: report.campuses.length };
	} catch (err) {
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
};
