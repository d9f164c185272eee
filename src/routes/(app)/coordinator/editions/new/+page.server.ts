import { pageUser } from '$lib/server/auth/guards';
import { createEdition } from '$lib/server/campaigns/edition-admin.service';
import { newEditionForm } from '$lib/server/campaigns/edition-pages.service';
import { parseEditionForm } from '$lib/server/campaigns/edition-form';
import { invalid } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return await newEditionForm(locals.db);
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseEditionForm(form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, async () => {
			const id = await createEdition(locals.db, locals.user!, parsed.data);
			redirect(303, `/coordinator/editions/${id}?created`);
		});
	}
};
