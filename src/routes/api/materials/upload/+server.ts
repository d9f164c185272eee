import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { orUploadError, redirectWithError } from '$lib/server/materials/material-http';
import { addFileMaterial } from '$lib/server/materials/material.service';
import { discardUpload, receiveUpload } from '$lib/server/storage/upload';
import { materialFormLimits, materialInput, materialTextsSchema } from '$lib/schemas/material';
import type { RequestHandler } from './$types';

/** The message key for a text field the schema refused (the page shows it above the form). */
const uploadFieldErrors: Record<string, [string, Record<string, number>]> = {
	titleNl: ['mat_title_required', {}],
	titleEn: ['mat_title_required', {}],
	descriptionNl: ['mat_text_too_long', { max: materialFormLimits.description }],
	descriptionEn: ['mat_text_too_long', { max: materialFormLimits.description }],
	language: ['mat_language_invalid', {}],
	levels: ['mat_levels_required', {}],
	sortOrder: ['mat_sort_order_invalid', { max: materialFormLimits.sortOrderMax }]
};

/** A new file material: the multipart form of the edition's materials page, streamed to a temporary file. */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const editionId = Number(url.searchParams.get('editionId'));
	const back = Number.isInteger(editionId) && editionId > 0 ? `/coordinator/editions/${editionId}/materials` : '/coordinator/editions';
	const user = locals.user;
	return orUploadError(back, async () => {
		const { upload, fields } = await receiveUpload(request);
		const formEdition = Number(fields.editionId);
		const parsed = materialTextsSchema.safeParse(materialInput(fields));
		if (!parsed.success || formEdition !== editionId) {
			await discardUpload(upload);
			const field = parsed.success ? 'editionId' : String(parsed.error.issues[0].path[0]);
			const [key, params] = uploadFieldErrors[field] ?? ['error_form', {}];
			redirectWithError(back, key, params);
		}
		const id = await addFileMaterial(locals.db, user, editionId, parsed.data, upload);
		redirect(303, `/coordinator/materials/${id}?created`);
	});
};
