import { error } from '@sveltejs/kit';
import { downloadResponse } from '$lib/server/http/download-response';
import { myDataDownload } from '$lib/server/privacy/my-data-download';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The signed-in person's own data as one JSON file (right of access, GDPR art. 15). */
export const GET: RequestHandler = async (event) => {
	const { locals } = event;
	if (!locals.user) error(401, m.error_forbidden());
	return downloadResponse(event, async () => myDataDownload(locals.db, locals.user!.id));
};
