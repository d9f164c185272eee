import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { createSchool, schoolListPage } from '$lib/server/campuses/school.service';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { schoolSchema } from '$lib/schemas/campus';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { schools: await schoolListPage(locals.db, { search: url.searchParams.get('q') ?? '', ...pageParams(url) }) };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(schoolSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let id: number;
		try {
			id = await createSchool(locals.db, locals.user!, parsed.data);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/schools/${id}?created=1`);
	}
};
