import { pageUser } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { formValues, invalid, orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { confirmedAction } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import { materialDetailForCoordinator } from '$lib/server/materials/material-detail.service';
import { errorFromQuery } from '$lib/server/materials/material-http';
import { retireMaterial, updateMaterialDetails } from '$lib/server/materials/material.service';
import { materialInput, materialLinkSchema, materialTextsSchema } from '$lib/schemas/material';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const detail = await orHttpError(async () => materialDetailForCoordinator(locals.db, user, Number(params.id)));
	return {
		...detail,
		maxMb: Math.floor(config().UPLOAD_MAX_BYTES / 1_048_576),
		created: url.searchParams.has('created'),
		replaced: url.searchParams.has('replaced'),
		uploadError: errorFromQuery(url)
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const raw = materialInput(Object.fromEntries(form));
		const parsed = form.has('url') ? materialLinkSchema.safeParse(raw) : materialTextsSchema.safeParse(raw);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
			return invalid(formValues(form), errors);
		}
		return orFail(form, async () => {
			await updateMaterialDetails(locals.db, locals.user!, Number(params.id), parsed.data);
			return { saved: true };
		});
	},
	// Final, so only with the tick of its confirmation.
	retire: confirmedAction(m.matui_retire_error_confirm, async ({ locals, params }) => {
		await retireMaterial(locals.db, locals.user!, Number(params.id));
		return { retired: true };
	})
};
