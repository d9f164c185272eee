import { pageUser } from '$lib/server/auth/guards';
import { copyEdition } from '$lib/server/campaigns/edition-admin.service';
import { editionListPage } from '$lib/server/campaigns/edition-pages.service';
import { orFail } from '$lib/server/http/form-action';
import { pageParams } from '$lib/server/pagination';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { editions: await editionListPage(locals.db, pageParams(url)) };
};

export const actions: Actions = {
	copy: async ({ request, locals }) => {
		const form = await request.formData();
		const editionId = Number(form.get('editionId'));
		if (!Number.isInteger(editionId) || editionId <= 0) return fail(400, { message: null });
		return orFail(form, async () => {
			const copy = await copyEdition(locals.db, locals.user!, editionId);
			redirect(303, `/coordinator/editions/${copy.id}?copied`);
		});
	}
};
