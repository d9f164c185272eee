import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { exportEnrolments, isExportFormat } from '$lib/server/reports/enrolment-export.service';
import { parseEnrolmentFilter } from '$lib/schemas/enrolment-filter';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The enrolment list as CSV or XLSX (both streamed), with the overview's filters from the query string. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url, request } = event;
	if (!isExportFormat(params.format)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	const user = locals.user;
	return downloadResponse(event, async () =>
		exportEnrolments(locals.db, user, Number(params.id), parseEnrolmentFilter(url.searchParams), params.format as 'csv' | 'xlsx', getLocale(), request.signal)
	);
};
