import { error } from '@sveltejs/kit';
import { classCertificateDownload } from '$lib/server/certificates/certificate-download';
import { orHttpError } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The class certificate in the language asked for (?lang=nl|en); the service checks ownership and eligibility. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	const download = await orHttpError(async () => classCertificateDownload(locals.db, locals.user!, Number(params.id), lang));
	return pdfResponse(download.doc, download.filename);
};
