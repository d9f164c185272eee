import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { enrolFormData } from '$lib/server/enrolments/enrol-form.service';
import { parseClassForm } from '$lib/server/enrolments/class-form';
import { enrolClass } from '$lib/server/enrolments/enrolment.service';
import { invalid, orHttpError } from '$lib/server/http/forms';
import { isFailure, orFail } from '$lib/server/http/form-action';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return { form: await orHttpError(async () => enrolFormData(locals.db, user, Number(params.id))) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseClassForm(form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = locals.db;
		const result = await orFail(form, () => enrolClass(db, locals.user!, { ...parsed.data, editionId: Number(params.id) }, getLocale()));
		// Only the enrolment's refusal is the form's; the edition's name below is read as on any page.
		if (isFailure(result)) return result;
		const edition = (await enrolFormData(db, locals.user!, Number(params.id))).edition.name;
		const query = new URLSearchParams({
			notice: result.status,
			name: parsed.data.name,
			edition,
			position: String(result.position ?? ''),
			reason: result.reason ?? ''
		});
		redirect(303, `/teacher?${query}`);
	}
};
