import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { createSchool, schoolListPage } from '$lib/server/campuses/school.service';
import { formAction } from '$lib/server/http/form-action';
import { pageParams } from '$lib/server/pagination';
import { schoolSchema } from '$lib/schemas/campus';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { schools: await schoolListPage(locals.db, { search: url.searchParams.get('q') ?? '', ...pageParams(url) }) };
};

export const actions: Actions = {
	create: formAction(schoolSchema, async (data, { locals }) => {
		const id = await createSchool(locals.db, locals.user!, data);
		redirect(303, `/coordinator/schools/${id}?created=1`);
	})
};
