import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { enrolmentOverview } from '$lib/server/reports/enrolment-overview.service';
import { parseEnrolmentFilter } from '$lib/schemas/enrolment-filter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return { overview: await orHttpError(() => enrolmentOverview(locals.db, user, Number(params.id), parseEnrolmentFilter(url.searchParams))) };
};
