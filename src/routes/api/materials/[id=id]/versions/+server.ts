import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { orUploadError } from '$lib/server/materials/material-http';
import { replaceMaterialFile } from '$lib/server/materials/material.service';
import { receiveUpload } from '$lib/server/storage/upload';
import type { RequestHandler } from './$types';

/** A new version of a file material (the earlier ones stay). */
export const POST: RequestHandler = async ({ locals, request, params }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const back = `/coordinator/materials/${params.id}`;
	const user = locals.user;
	return orUploadError(back, async () => {
		const { upload } = await receiveUpload(request);
		await replaceMaterialFile(locals.db, user, Number(params.id), upload);
		redirect(303, `${back}?replaced`);
	});
};
