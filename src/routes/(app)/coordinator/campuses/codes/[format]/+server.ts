import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { campusCodesFile, isCodeFormat } from '$lib/server/campuses/campus-codes.service';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** Every active campus's code: CSV or XLSX to pass on, or a PDF to print (one block and QR code per campus). */
export const GET: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	if (!isCodeFormat(params.format)) error(404, m.error_not_found());
	if (!locals.user) error(401, m.error_forbidden());
	return downloadResponse(event, async () => campusCodesFile(locals.db, locals.user!, params.format as 'csv', getLocale(), request.signal));
};
