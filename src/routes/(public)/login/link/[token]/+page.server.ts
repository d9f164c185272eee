import { fail, redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { safeReturnPath } from '$lib/server/auth/guards';
import { redeemLoginLink } from '$lib/server/auth/login-link.service';
import { peekToken } from '$lib/server/auth/one-time-token';
import { invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

/**
 * GET only looks whether the link still works and shows a button: mail scanners
 * open links with GET, and that must not use up the link. Nothing about the
 * account is shown before the POST.
 */
export const load: PageServerLoad = async ({ locals, params }) => ({
	valid: (await peekToken(locals.db, params.token, 'login_link')) !== null
});

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals }) => {
		const db = locals.db;
		const session = await redeemLoginLink(db, params.token, { userAgent: request.headers.get('user-agent') });
		if (!session) return fail(400, { linkInvalid: true });
		// Someone else was logged in in this browser: that session ends here.
		if (locals.sessionId) await invalidateSession(db, locals.sessionId);
		startSession(cookies, session);
		// "/" sends the user on to the start page of their role.
		redirect(303, safeReturnPath(url.searchParams.get('next')));
	}
};
