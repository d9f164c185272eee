import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { messageOf } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import { isReportFile, reportDownload } from '$lib/server/reports/campaign-report-export.service';
import { contentDisposition } from '$lib/server/reports/download';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The campaign report's downloads: PDF (nl/en), CSV and XLSX tables, given workshops per organisation. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!isReportFile(params.file)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	try {
		const file = await reportDownload(await getDb(), locals.user, Number(params.id), params.file, getLocale(), request.signal);
		if ('pdf' in file) return pdfResponse(file.pdf, file.filename);
		return new Response(file.body, {
			headers: { 'content-type': file.contentType, 'content-disposition': contentDisposition(file.filename), 'cache-control': 'private, no-store' }
		});
	} catch (err) {
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
};
