import { error, fail } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
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
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(organisationSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await updateOrganisation(locals.db, locals.user!, Number(params.id), parsed.data);
			return { saved: true };
		} catch (err) {
			return failFromError(err, form);
		}
	},
	invite: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(organisationInviteSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			const outcome = await inviteIntoOrganisation(locals.db, locals.user!, Number(params.id), parsed.data);
			return { invited: { email: parsed.data.email, planner: parsed.data.planner, outcome } };
		} catch (err) {
			return failFromError(err, form);
		}
	},
	planner: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(plannerSchema, form);
		if (!parsed.ok) return fail(400, { message: null });
		try {
			const { displayName } = await setPlanner(locals.db, locals.user!, parsed.data.userId, parsed.data.planner);
			return { plannerSet: { name: displayName, planner: parsed.data.planner } };
		} catch (err) {
			return failFromError(err, form);
		}
	}
};
