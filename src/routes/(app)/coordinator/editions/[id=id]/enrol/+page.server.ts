import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campusListPage } from '$lib/server/campuses/campus-list.service';
import { parseClassForm } from '$lib/server/enrolments/class-form';
import { teachersOfCampus } from '$lib/server/enrolments/coordinator-class.service';
import { enrolFormData } from '$lib/server/enrolments/enrol-form.service';
import { enrolClass } from '$lib/server/enrolments/enrolment.service';
import { invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { pageParams } from '$lib/server/pagination';
import { onBehalfSchema } from '$lib/schemas/enrolment';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Two steps on one page: search and choose a campus (?campus=ID), then the class form. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return orHttpError(() => loadStep(locals.db, user, url, Number(params.id)));
};

async function loadStep(db: App.Locals['db'], user: App.Locals['user'] & object, url: URL, editionId: number) {
	const campusId = Number(url.searchParams.get('campus'));
	if (Number.isInteger(campusId) && campusId > 0) {
		const form = await enrolFormData(db, user, editionId, [campusId]);
		const teachers = await teachersOfCampus(db, campusId);
		return { step: 'form' as const, form, teachers: teachers.map((t) => ({ id: t.id, label: `${t.displayName} (${t.email})` })) };
	}
	const form = await enrolFormData(db, user, editionId, []);
	return { step: 'campus' as const, form, campuses: await campusListPage(db, { search: url.searchParams.get('q') ?? '', ...pageParams(url, 20) }) };
}

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseClassForm(form);
		const behalf = parseForm(onBehalfSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (!behalf.ok) return invalid(behalf.values, behalf.errors);
		return orFail(form, async () => {
			const { classId } = await enrolClass(
				locals.db,
				locals.user!,
				{ ...parsed.data, onBehalfOf: behalf.data.onBehalfOf, editionId: Number(params.id) },
				getLocale()
			);
			redirect(303, `/coordinator/classes/${classId}`);
		});
	}
};
