import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formValues, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { saveOrder } from '$lib/server/kits/kit-order.service';
import { teacherKitPage } from '$lib/server/kits/teacher-kit.service';
import { kitOrderSchema, orderLines } from '$lib/schemas/kit-order';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const wanted = Number(url.searchParams.get('campus')) || null;
	return { page: await orHttpError(async () => teacherKitPage(locals.db, user, wanted)), saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(kitOrderSchema, form);
		const { lines, errors } = orderLines(form);
		if (!parsed.ok || Object.keys(errors).length) return invalid(formValues(form), { ...(parsed.ok ? {} : parsed.errors), ...errors });
		return orFail(form, async () => {
			await saveOrder(locals.db, locals.user!, { ...parsed.data, lines }, getLocale());
			redirect(303, `/teacher/kit?campus=${parsed.data.campusId}&saved`);
		});
	}
};
