import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { safeReturnPath, startPageOf } from '$lib/server/auth/guards';
import { login } from '$lib/server/auth/login.service';
import { formAction } from '$lib/server/http/form-action';
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
	default: formAction(
		loginSchema,
		async (data, { locals, request, cookies, url, getClientAddress }) => {
			const session = await login(locals.db, {
				...data,
				address: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			startSession(cookies, session);
			// "/" sends the user on to the start page of their role.
			redirect(303, safeReturnPath(url.searchParams.get('next')));
		},
		{ retryAfter: true }
	)
};
