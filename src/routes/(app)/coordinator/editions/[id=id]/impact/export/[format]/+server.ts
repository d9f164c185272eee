import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { impactExport, isImpactFormat } from '$lib/server/pupil-survey/impact-export.service';
import { breakdownOf } from '$lib/server/pupil-survey/impact.service';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The impact page's figures in the split of `?split=` as CSV or XLSX (the service checks the coordinator). */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!isImpactFormat(params.format)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	const user = locals.user;
	const format = params.format;
	return downloadResponse(event, () => impactExport(locals.db, user, Number(params.id), breakdownOf(url.searchParams.get('split')), format, getLocale()));
};
