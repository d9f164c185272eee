import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { downloadResponse } from '$lib/server/http/download-response';
import { materialFileDownload } from '$lib/server/materials/material-download';
import { authorizeDownload } from '$lib/server/materials/material-read.service';
import type { RequestHandler } from './$types';

/** The newest version of a material (streamed, with Range), or a 303 to a link material's address. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const user = locals.user;
	return downloadResponse(event, async () => {
		const grant = await authorizeDownload(locals.db, user, Number(params.id));
		if (grant.kind === 'link') redirect(303, grant.url);
		return materialFileDownload(locals.db, grant);
	});
};
