import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { answerUploadError } from '$lib/server/materials/material-http';
import { replaceMaterialFile } from '$lib/server/materials/material.service';
import { receiveUpload } from '$lib/server/storage/upload';
import type { RequestHandler } from './$types';

/** A new version of a file material (the earlier ones stay). */
export const POST: RequestHandler = async ({ locals, request, params }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const back = `/coordinator/materials/${params.id}`;
	try {
		const { upload } = await receiveUpload(request);
		await replaceMaterialFile(locals.db, locals.user, Number(params.id), upload);
	} catch (err) {
		return answerUploadError(err, back);
	}
	redirect(303, `${back}?replaced`);
};
