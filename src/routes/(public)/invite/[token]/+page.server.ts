import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { deviceLabelFrom } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { failFromError, invalid, parseForm } from '$lib/server/forms';
import { acceptInvite, describeToken } from '$lib/server/users/registration.service';
import { acceptInviteSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	account: await describeToken(await getDb(), params.token, 'invite')
});

export const actions: Actions = {
	default: async ({ params, request, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(acceptInviteSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let session;
		try {
			session = await acceptInvite(await getDb(), {
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
