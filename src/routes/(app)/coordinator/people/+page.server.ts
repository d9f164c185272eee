import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { peoplePage } from '$lib/server/users/people.service';
import { setPlanner } from '$lib/server/users/planner.service';
import { inviteUser, setUserDisabled } from '$lib/server/users/user-admin.service';
import { inviteUserSchema } from '$lib/schemas/auth';
import { plannerSchema } from '$lib/schemas/workshop-slot';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const paging = pageParams(url);
	const people = await peoplePage(locals.db, {
		search: url.searchParams.get('q') ?? '',
		role: url.searchParams.get('role') ?? '',
		...paging
	});
	return { people, me: user.id };
};

export const actions: Actions = {
	invite: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(inviteUserSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			const outcome = await inviteUser(locals.db, locals.user!, parsed.data);
			return { invited: { email: parsed.data.email, role: parsed.data.role, outcome } };
		} catch (err) {
			return failFromError(err, form);
		}
	},
	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false),
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

async function toggle({ request, locals }: { request: Request; locals: App.Locals }, disabled: boolean) {
	const form = await request.formData();
	const userId = Number(form.get('userId'));
	if (!Number.isInteger(userId) || userId <= 0) return fail(400, { message: null });
	try {
		await setUserDisabled(locals.db, locals.user!, userId, disabled);
		return { toggled: { name: String(form.get('name') ?? ''), disabled } };
	} catch (err) {
		return failFromError(err, form);
	}
}
