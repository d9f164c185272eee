import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/errors';
import { messageOf } from '$lib/server/http/forms';
import { enrolmentOverview } from '$lib/server/reports/enrolment-overview.service';
import { parseEnrolmentFilter } from '$lib/schemas/enrolment-filter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	try {
		return { overview: await enrolmentOverview(locals.db, user, Number(params.id), parseEnrolmentFilter(url.searchParams)) };
	} catch (err) {
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
};
