import { error } from '@sveltejs/kit';
import { bulkCertificatesDownload, isBulkFormat } from '$lib/server/certificates/bulk-download';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * All class certificates of the edition (?campus=<id> for one campus) as one
 * streamed PDF or a ZIP of single PDFs, in ?lang=nl|en. The stream stops when
 * the client goes away (request.signal).
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url, request } = event;
	if (!locals.user) error(401, m.error_forbidden());
	if (!isBulkFormat(params.format)) error(404, m.error_not_found());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	const campus = url.searchParams.get('campus');
	const campusId = campus && /^[1-9][0-9]{0,9}$/.test(campus) ? Number(campus) : null;
	if (campus && campusId === null) error(404, m.error_not_found());
	const user = locals.user;
	const scope = { editionId: Number(params.id), campusId };
	return downloadResponse(event, async () => bulkCertificatesDownload(locals.db, user, scope, params.format as 'pdf' | 'zip', lang, request.signal));
};
