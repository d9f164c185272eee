import { redirect } from '@sveltejs/kit';
import { failFromError } from '$lib/server/http/forms';
import { confirmEmail, describeToken } from '$lib/server/users/registration.service';
import type { Actions, PageServerLoad } from './$types';

// The GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'email_confirm')
});

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		try {
			await confirmEmail(locals.db, params.token);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, '/login?confirmed');
	}
};
