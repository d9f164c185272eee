import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { campusCodesFile, isCodeFormat } from '$lib/server/campuses/campus-codes.service';
import { orHttpError } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import { contentDisposition } from '$lib/server/reports/download';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** Every active campus's code: CSV or XLSX to pass on, or a PDF to print (one block and QR code per campus). */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!isCodeFormat(params.format)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	const file = await orHttpError(async () => campusCodesFile(locals.db, locals.user!, params.format as 'csv', getLocale(), request.signal));
	if ('pdf' in file) {
		const res = pdfResponse(file.pdf, file.filename);
		// Opened in the browser to print, not saved straight away.
		res.headers.set('Content-Disposition', contentDisposition(file.filename).replace(/^attachment/, 'inline'));
		return res;
	}
	return new Response(file.body, {
		headers: { 'content-type': file.contentType, 'content-disposition': contentDisposition(file.filename), 'cache-control': 'no-store' }
	});
};
