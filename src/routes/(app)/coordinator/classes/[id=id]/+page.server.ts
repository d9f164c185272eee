import { pageUser } from '$lib/server/auth/guards';
import { parseClassForm } from '$lib/server/enrolments/class-form';
import { classForCoordinator } from '$lib/server/enrolments/coordinator-class.service';
import { updateClassDetails, withdrawClass } from '$lib/server/enrolments/enrolment.service';
import { moveToWaitingList, prioritise } from '$lib/server/enrolments/waiting-list.service';
import { invalid, orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return await orHttpError(async () => classForCoordinator(locals.db, user, Number(params.id)));
};

/** Each action names what happened so the page can say it; promotions it caused are listed. */
async function run(form: FormData, done: string, fn: () => Promise<unknown>) {
	return orFail(form, async () => {
		const result = await fn();
		const promoted = Array.isArray(result) ? result.map((p: { name: string }) => p.name) : [];
		return { done, promoted };
	});
}

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseClassForm(form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return run(form, 'saved', async () => updateClassDetails(locals.db, locals.user!, Number(params.id), parsed.data, getLocale()));
	},
	withdraw: async ({ request, locals, params }) => {
		const form = await request.formData();
		return run(form, 'withdrawn', async () => withdrawClass(locals.db, locals.user!, Number(params.id)));
	},
	toWaiting: async ({ request, locals, params }) => {
		const form = await request.formData();
		return run(form, 'waiting', async () => moveToWaitingList(locals.db, locals.user!, Number(params.id)));
	},
	prioritise: async ({ request, locals, params }) => {
		const form = await request.formData();
		return run(form, 'prioritised', async () => prioritise(locals.db, locals.user!, Number(params.id)));
	}
};
