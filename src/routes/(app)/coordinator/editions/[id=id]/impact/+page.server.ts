import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { breakdownOf, editionImpact } from '$lib/server/pupil-survey/impact.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const figures = await orHttpError(() => editionImpact(locals.db, user, Number(params.id), breakdownOf(url.searchParams.get('split'))));
	return { figures };
};
