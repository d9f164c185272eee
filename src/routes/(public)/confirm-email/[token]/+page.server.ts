import { redirect } from '@sveltejs/kit';
import { confirmEmail, describeToken } from '$lib/server/users/registration.service';
import { orFail } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// The GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'email_confirm')
});

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		return orFail(form, async () => {
			await confirmEmail(locals.db, params.token);
			redirect(303, '/login?confirmed');
		});
	}
};
