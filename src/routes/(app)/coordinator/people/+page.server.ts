import { pageUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/http/forms';
import { formAction, orFail } from '$lib/server/http/form-action';
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
	invite: formAction(inviteUserSchema, async (data, { locals }) => {
		const outcome = await inviteUser(locals.db, locals.user!, data);
		return { invited: { email: data.email, role: data.role, outcome } };
	}),
	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false),
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

async function toggle({ request, locals }: { request: Request; locals: App.Locals }, disabled: boolean) {
	const form = await request.formData();
	const userId = Number(form.get('userId'));
	if (!Number.isInteger(userId) || userId <= 0) return fail(400, { message: null });
	return orFail(form, async () => {
		await setUserDisabled(locals.db, locals.user!, userId, disabled);
		return { toggled: { name: String(form.get('name') ?? ''), disabled } };
	});
}
