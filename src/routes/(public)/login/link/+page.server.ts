import { redirect } from '@sveltejs/kit';
import { safeReturnPath, startPageOf } from '$lib/server/auth/guards';
import { LoginLinkRateLimitedError, requestLoginLink } from '$lib/server/auth/login-link.service';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
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
	default: async ({ locals, request, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		// The same one-field form as "forgot password": a well-formed e-mail address.
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			// Same answer whether or not the account exists; only the rate limit is told.
			await requestLoginLink(locals.db, {
				email: parsed.data.email,
				ip: getClientAddress(),
				locale: getLocale(),
				next: url.searchParams.get('next')
			});
		} catch (err) {
			if (err instanceof LoginLinkRateLimitedError) setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
			return failFromError(err, form);
		}
		return { sentTo: parsed.data.email };
	}
};
