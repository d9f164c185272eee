import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { isReportFile, reportDownload } from '$lib/server/reports/campaign-report-export.service';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The campaign report's downloads: PDF (nl/en), CSV and XLSX tables, given workshops per organisation. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	if (!isReportFile(params.file)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	const user = locals.user;
	return downloadResponse(event, async () =>
		reportDownload(locals.db, user, Number(params.id), params.file as Parameters<typeof reportDownload>[3], getLocale(), request.signal)
	);
};
