import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { resetPassword } from '$lib/server/auth/password-reset.service';
import { deviceLabelFrom } from '$lib/server/auth/session';
import { formAction } from '$lib/server/http/form-action';
import { describeToken } from '$lib/server/users/registration.service';
import { resetPasswordSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'password_reset')
});

export const actions: Actions = {
	default: formAction(resetPasswordSchema, async (data, { locals, params, request, cookies }) => {
		const session = await resetPassword(locals.db, {
			token: params.token,
			password: data.password,
			deviceLabel: deviceLabelFrom(request.headers.get('user-agent'))
		});
		startSession(cookies, session);
		redirect(303, '/');
	})
};
