import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { safeReturnPath, startPageOf } from '$lib/server/auth/guards';
import { login } from '$lib/server/auth/login.service';
import { RateLimitedError } from '$lib/server/errors';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { loginSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) {
		const next = safeReturnPath(url.searchParams.get('next'));
		redirect(303, next === '/' ? startPageOf(locals.user) : next);
	}
	return { reset: url.searchParams.has('reset'), confirmed: url.searchParams.has('confirmed') };
};

export const actions: Actions = {
	default: async ({ locals, request, cookies, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const parsed = parseForm(loginSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let session;
		try {
			session = await login(locals.db, {
				...parsed.data,
				address: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
		} catch (err) {
			if (err instanceof RateLimitedError) setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
			return failFromError(err, form);
		}
		startSession(cookies, session);
		// "/" sends the user on to the start page of their role.
		redirect(303, safeReturnPath(url.searchParams.get('next')));
	}
};
