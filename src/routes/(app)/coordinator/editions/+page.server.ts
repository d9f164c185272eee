import { pageUser } from '$lib/server/auth/guards';
import { copyEdition, editionListPage } from '$lib/server/campaigns/edition-admin.service';
import { failFromError } from '$lib/server/http/forms';
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
		let copy: { id: number };
		try {
			copy = await copyEdition(locals.db, locals.user!, editionId);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/editions/${copy.id}?copied`);
	}
};
