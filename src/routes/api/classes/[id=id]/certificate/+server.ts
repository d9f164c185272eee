import { error } from '@sveltejs/kit';
import { classCertificateDownload } from '$lib/server/certificates/certificate-download';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The class certificate in the language asked for (?lang=nl|en); the service checks ownership and eligibility. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	return downloadResponse(event, async () => classCertificateDownload(locals.db, locals.user!, Number(params.id), lang));
};
