import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { resetPassword } from '$lib/server/auth/password-reset.service';
import { deviceLabelFrom } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { failFromError, invalid, parseForm } from '$lib/server/forms';
import { describeToken } from '$lib/server/users/registration.service';
import { resetPasswordSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	account: await describeToken(await getDb(), params.token, 'password_reset')
});

export const actions: Actions = {
	default: async ({ params, request, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(resetPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let session;
		try {
			session = await resetPassword(await getDb(), {
				token: params.token,
				password: parsed.data.password,
				deviceLabel: deviceLabelFrom(request.headers.get('user-agent'))
			});
		} catch (err) {
			return failFromError(err, form);
		}
		startSession(cookies, session);
		redirect(303, '/');
	}
};
