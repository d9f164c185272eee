import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { deviceLabelFrom } from '$lib/server/auth/session';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { acceptInvite, describeToken } from '$lib/server/users/registration.service';
import { acceptInviteSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'invite')
});

export const actions: Actions = {
	default: async ({ locals, params, request, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(acceptInviteSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let session;
		try {
			session = await acceptInvite(locals.db, {
				token: params.token,
				...parsed.data,
				deviceLabel: deviceLabelFrom(request.headers.get('user-agent'))
			});
		} catch (err) {
			return failFromError(err, form);
		}
		startSession(cookies, session);
		redirect(303, '/');
	}
};
