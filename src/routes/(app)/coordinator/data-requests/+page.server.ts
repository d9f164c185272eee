import { fail, redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formValues } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { carryOutDeletion, deletionRequestsPage } from '$lib/server/privacy/deletion-request.service';
import { carryOutSchema } from '$lib/schemas/deletion-request';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return { requests: await deletionRequestsPage(locals.db, user), done: url.searchParams.has('done') };
};

export const actions: Actions = {
	carryOut: async ({ request, locals, url }) => {
		const user = pageUser(locals, url);
		const form = await request.formData();
		const parsed = carryOutSchema.safeParse(Object.fromEntries(form));
		if (!parsed.success) {
			const requestId = String(form.get('requestId') ?? '');
			return fail(400, { values: formValues(form), requestId, errors: { confirm: m.md_confirm_required() }, message: m.md_confirm_required() });
		}
		return orFail(form, async () => {
			await carryOutDeletion(locals.db, user, parsed.data.requestId);
			// One's own account: its sessions are gone, so the next page is the login page.
			redirect(303, '/coordinator/data-requests?done');
		});
	}
};
