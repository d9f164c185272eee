import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/http/form-action';
import { createOrganisation } from '$lib/server/organisations/organisation.service';
import { organisationSchema } from '$lib/schemas/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: formAction(organisationSchema, async (data, { locals }) => {
		const id = await createOrganisation(locals.db, locals.user!, data);
		redirect(303, `/coordinator/organisations/${id}?created=1`);
	})
};
