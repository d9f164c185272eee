import { error } from '@sveltejs/kit';
import { brandingPreviewDownload } from '$lib/server/certificates/certificate-download';
import { orHttpError } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** A sample certificate in the edition's current design (?lang=nl|en), for coordinators; issues nothing. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	const download = await orHttpError(async () => brandingPreviewDownload(locals.db, locals.user!, Number(params.id), lang));
	return pdfResponse(download.doc, download.filename);
};
