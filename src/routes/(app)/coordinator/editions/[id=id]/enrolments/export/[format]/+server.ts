import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { messageOf } from '$lib/server/forms';
import { contentDisposition } from '$lib/server/reports/download';
import { exportEnrolments, isExportFormat } from '$lib/server/reports/enrolment-export.service';
import { parseEnrolmentFilter } from '$lib/schemas/enrolment-filter';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The enrolment list as CSV or XLSX (both streamed), with the overview's filters from the query string. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	if (!isExportFormat(params.format)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	try {
		const file = await exportEnrolments(await getDb(), locals.user, Number(params.id), parseEnrolmentFilter(url.searchParams), params.format, getLocale(), request.signal);
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': contentDisposition(file.filename),
				'cache-control': 'no-store'
			}
		});
	} catch (err) {
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
};
