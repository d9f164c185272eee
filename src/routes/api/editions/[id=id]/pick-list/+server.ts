import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { pickListDownload } from '$lib/server/kits/kit-pdf-downloads';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** All approved orders of an edition by campus, streamed page by page; stops when the browser goes away. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	if (!locals.user) error(401, m.error_forbidden());
	return downloadResponse(event, async () => pickListDownload(locals.db, locals.user!, Number(params.id), getLocale(), request.signal));
};
