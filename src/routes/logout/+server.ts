import { redirect } from '@sveltejs/kit';
import { invalidateSession, sessionCookieName } from '$lib/server/auth/session';
import { clearSessionCookieOptions } from '$lib/server/auth/cookies';
import type { RequestHandler } from './$types';

/** Logout is a POST (a link could be triggered by any page); the session row is removed. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionId) await invalidateSession(locals.db, locals.sessionId);
	cookies.delete(sessionCookieName, clearSessionCookieOptions());
	redirect(303, '/login');
};
