import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { createOrganisation } from '$lib/server/organisations/organisation.service';
import { organisationSchema } from '$lib/schemas/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(organisationSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let id: number;
		try {
			id = await createOrganisation(locals.db, locals.user!, parsed.data);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/organisations/${id}?created=1`);
	}
};
