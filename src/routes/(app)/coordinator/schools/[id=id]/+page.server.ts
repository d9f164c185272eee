import { error, fail } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { deactivateSchool, schoolDetail, updateSchool } from '$lib/server/campuses/school.service';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
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
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(schoolSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await updateSchool(locals.db, locals.user!, Number(params.id), parsed.data);
			return { saved: true };
		} catch (err) {
			return failFromError(err, form);
		}
	},
	deactivate: async ({ request, locals, params }) => {
		const form = await request.formData();
		// A plain checkbox instead of a script dialog: the page works without JavaScript.
		if (form.get('confirm') !== 'yes') return fail(400, { deactivateError: m.cp_deactivate_confirm_required() });
		try {
			const { campuses } = await deactivateSchool(locals.db, locals.user!, Number(params.id));
			return { deactivated: { campuses } };
		} catch (err) {
			return failFromError(err, form);
		}
	}
};
