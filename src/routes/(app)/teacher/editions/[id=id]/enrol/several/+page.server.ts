import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { enrolFormData } from '$lib/server/enrolments/enrol-form.service';
import { parseClassRows } from '$lib/server/enrolments/class-rows-form';
import { enrolSeveralClasses } from '$lib/server/enrolments/enrol-several.service';
import { formValues, orHttpError } from '$lib/server/http/forms';
import { isFailure, orFail } from '$lib/server/http/form-action';
import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { rowCount } from '$lib/schemas/class-rows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return {
		form: await orHttpError(async () => enrolFormData(locals.db, user, Number(params.id))),
		// Without JavaScript the number of rows is chosen in the form, or in the address.
		rows: rowCount(url.searchParams.get('rows'))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		// "Change the number of rows" (the form without JavaScript): the same form back, longer or shorter, nothing enrolled.
		if (form.get('intent') === 'rows') return { values: formValues(form), rows: rowCount(form.get('rows')) };
		const parsed = parseClassRows(form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.error_form(), rows: parsed.rows });
		const editionId = Number(params.id);
		const result = await orFail(form, () => enrolSeveralClasses(locals.db, locals.user!, { editionId, ...parsed.data }, getLocale()), {
			extra: { rows: parsed.rows }
		});
		if (isFailure(result)) return result;
		redirect(303, `/teacher?${new URLSearchParams({ notice: 'several', edition: String(editionId), classes: result.map((r) => r.classId).join(',') })}`);
	}
};
