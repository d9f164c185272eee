import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { editionDetail } from '$lib/server/campaigns/edition-pages.service';
import { config } from '$lib/server/config';
import { formValues, invalid, orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { errorFromQuery } from '$lib/server/materials/material-http';
import { listMaterialsForCoordinator } from '$lib/server/materials/material-read.service';
import { addLinkMaterial } from '$lib/server/materials/material.service';
import { materialInput, materialLinkSchema } from '$lib/schemas/material';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const db = locals.db;
	const edition = await editionDetail(db, Number(params.id));
	if (!edition) error(404, m.error_not_found());
	const { materials } = await orHttpError(() => listMaterialsForCoordinator(db, user, edition.id));
	return {
		edition: { id: edition.id, name: edition.name, status: edition.status },
		materials,
		maxMb: Math.floor(config().UPLOAD_MAX_BYTES / 1_048_576),
		uploadError: errorFromQuery(url)
	};
};

export const actions: Actions = {
	link: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = materialLinkSchema.safeParse(materialInput(Object.fromEntries(form)));
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
			return invalid(formValues(form), errors);
		}
		return orFail(form, async () => {
			await addLinkMaterial(locals.db, locals.user!, Number(params.id), parsed.data);
			return { linkAdded: true };
		});
	}
};
