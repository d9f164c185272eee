import { error, fail } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/http/forms';
import { formAction, orFail } from '$lib/server/http/form-action';
import { inviteIntoOrganisation, organisationDetail, updateOrganisation } from '$lib/server/organisations/organisation.service';
import { setPlanner } from '$lib/server/users/planner.service';
import * as m from '$lib/paraglide/messages';
import { organisationInviteSchema, organisationSchema } from '$lib/schemas/organisation';
import { plannerSchema } from '$lib/schemas/workshop-slot';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const detail = await organisationDetail(locals.db, Number(params.id));
	if (!detail) error(404, m.error_not_found());
	return { ...detail, created: url.searchParams.has('created') };
};

export const actions: Actions = {
	update: formAction(organisationSchema, async (data, { locals, params }) => {
		await updateOrganisation(locals.db, locals.user!, Number(params.id), data);
		return { saved: true };
	}),
	invite: formAction(organisationInviteSchema, async (data, { locals, params }) => {
		const outcome = await inviteIntoOrganisation(locals.db, locals.user!, Number(params.id), data);
		return { invited: { email: data.email, planner: data.planner, outcome } };
	}),
	planner: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(plannerSchema, form);
		if (!parsed.ok) return fail(400, { message: null });
		return orFail(form, async () => {
			const { displayName } = await setPlanner(locals.db, locals.user!, parsed.data.userId, parsed.data.planner);
			return { plannerSet: { name: displayName, planner: parsed.data.planner } };
		});
	}
};
