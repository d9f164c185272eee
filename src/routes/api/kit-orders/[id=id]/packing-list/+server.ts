import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { packingListDownload } from '$lib/server/kits/kit-pdf-downloads';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** One order's packing list as a PDF in the reader's language; access checked again by the service. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	if (!locals.user) error(401, m.error_forbidden());
	return downloadResponse(event, async () => packingListDownload(locals.db, locals.user!, Number(params.id), getLocale()));
};
