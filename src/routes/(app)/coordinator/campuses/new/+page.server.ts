import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { createCampus } from '$lib/server/campuses/campus.service';
import { schoolOptions } from '$lib/server/campuses/school.service';
import { invalid, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { newCampusSchema } from '$lib/schemas/campus';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { schools: await schoolOptions(locals.db), school: url.searchParams.get('school') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		// The level checkboxes repeat one key; the schema reads them as one comma list.
		form.set('levels', form.getAll('levels').join(','));
		const parsed = parseForm(newCampusSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, async () => {
			const id = await createCampus(locals.db, locals.user!, parsed.data);
			redirect(303, `/coordinator/campuses/${id}?created=1`);
		});
	}
};
