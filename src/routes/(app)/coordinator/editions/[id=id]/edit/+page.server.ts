import { pageUser } from '$lib/server/auth/guards';
import { updateEdition } from '$lib/server/campaigns/edition-admin.service';
import { editionDetail, listCampaignOptions } from '$lib/server/campaigns/edition-pages.service';
import { parseEditionForm } from '$lib/server/campaigns/edition-form';
import { invalid } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import * as m from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const [edition, campaigns] = await Promise.all([editionDetail(locals.db, Number(params.id)), listCampaignOptions(locals.db)]);
	if (!edition) error(404, m.error_not_found());
	return { edition, campaigns };
};

export const actions: Actions = {
	// Saved, back to the edition's hub, which says so; refused, the form stays with its values and errors.
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseEditionForm(form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, async () => {
			const { promoted } = await updateEdition(locals.db, locals.user!, Number(params.id), parsed.data);
			redirect(303, `/coordinator/editions/${params.id}?saved${promoted ? `&promoted=${promoted}` : ''}`);
		});
	}
};
