import { redirect } from '@sveltejs/kit';
import { safeReturnPath, startPageOf } from '$lib/server/auth/guards';
import { requestLoginLink } from '$lib/server/auth/login-link.service';
import { formAction } from '$lib/server/http/form-action';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) {
		const next = safeReturnPath(url.searchParams.get('next'));
		redirect(303, next === '/' ? startPageOf(locals.user) : next);
	}
};

export const actions: Actions = {
	// The same one-field form as "forgot password": a well-formed e-mail address.
	default: formAction(
		forgotPasswordSchema,
		async (data, { locals, url, getClientAddress }) => {
			// Same answer whether or not the account exists; only the rate limit is told.
			await requestLoginLink(locals.db, {
				email: data.email,
				ip: getClientAddress(),
				locale: getLocale(),
				next: url.searchParams.get('next')
			});
			return { sentTo: data.email };
		},
		{ retryAfter: true }
	)
};
