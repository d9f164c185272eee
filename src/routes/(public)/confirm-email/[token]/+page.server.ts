import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { failFromError } from '$lib/server/forms';
import { confirmEmail, describeToken } from '$lib/server/users/registration.service';
import type { Actions, PageServerLoad } from './$types';

// The GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async ({ params }) => ({
	account: await describeToken(await getDb(), params.token, 'email_confirm')
});

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await request.formData();
		try {
			await confirmEmail(await getDb(), params.token);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, '/login?confirmed');
	}
};
