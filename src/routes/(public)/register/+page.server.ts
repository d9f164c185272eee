import { redirect } from '@sveltejs/kit';
import { registerTeacher } from '$lib/server/users/registration.service';
import { registerSchema } from '$lib/schemas/auth';
import { getLocale } from '$lib/paraglide/runtime';
import { formAction } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	// A coordinator can hand out a link with the code filled in: /register?code=…
	return { code: url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
	default: formAction(
		registerSchema,
		async (data, { locals, getClientAddress }) => {
			// The client address as login takes it, so both limits count the same client.
			await registerTeacher(locals.db, { ...data, locale: getLocale(), address: getClientAddress() });
			// The same answer whether the address is new or has an account (which then gets a mail instead).
			return { registered: data.email };
		},
		{ retryAfter: true }
	)
};
