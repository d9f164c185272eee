import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { orHttpError } from '$lib/server/forms';
import { authorizeDownload } from '$lib/server/materials/material-read.service';
import { fileStore } from '$lib/server/storage';
import { fileResponse } from '$lib/server/storage/file-response';
import type { RequestHandler } from './$types';

/** The newest version of a material (streamed, with Range), or a 303 to a link material's address. */
export const GET: RequestHandler = async ({ locals, request, params }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const user = locals.user;
	const grant = await orHttpError(() => authorizeDownload(locals.db, user, Number(params.id)));
	if (grant.kind === 'link') redirect(303, grant.url);
	const v = grant.version;
	return fileResponse(fileStore(), request, { sha256: v.sha256, size: v.size, contentType: v.contentType, fileName: v.originalName });
};
