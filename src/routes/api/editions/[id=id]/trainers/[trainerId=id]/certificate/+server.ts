import { error } from '@sveltejs/kit';
import { trainerCertificateDownload } from '$lib/server/certificates/certificate-more';
import { downloadResponse } from '$lib/server/http/download-response';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** A trainer's certificate of an edition (?lang=nl|en); the service lets only that trainer or a coordinator have it. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
	return downloadResponse(event, async () => trainerCertificateDownload(locals.db, locals.user!, Number(params.id), Number(params.trainerId), lang));
};
