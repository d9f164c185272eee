import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { deactivateSchool, schoolDetail, updateSchool } from '$lib/server/campuses/school.service';
import { formAction, orFail } from '$lib/server/http/form-action';
import { refuseUnconfirmed } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import { schoolSchema } from '$lib/schemas/campus';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const school = await schoolDetail(locals.db, Number(params.id));
	if (!school) error(404, m.error_not_found());
	return { school, created: url.searchParams.has('created') };
};

export const actions: Actions = {
	update: formAction(schoolSchema, async (data, { locals, params }) => {
		await updateSchool(locals.db, locals.user!, Number(params.id), data);
		return { saved: true };
	}),
	deactivate: async ({ request, locals, params }) => {
		const form = await request.formData();
		const refused = refuseUnconfirmed(form, m.cp_deactivate_confirm_required);
		if (refused) return refused;
		return orFail(form, async () => {
			const { campuses } = await deactivateSchool(locals.db, locals.user!, Number(params.id));
			return { deactivated: { campuses } };
		});
	}
};
