import { error } from '@sveltejs/kit';
import { brandingPreviewDownload } from '$lib/server/certificates/certificate-download';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** A sample certificate in the edition's current design (?lang=nl|en), for coordinators; issues nothing. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	return downloadResponse(event, async () => brandingPreviewDownload(locals.db, locals.user!, Number(params.id), lang));
};
