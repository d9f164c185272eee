import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '../../paraglide/runtime';
import { isProduction } from '../config';
import type { Locale } from '../db/schema';
import { sessionCookieName } from './session';

// `secure` is set on purpose everywhere: Kit's default takes the request to be
// https when ORIGIN is unset (adapter-node), and a browser on http://127.0.0.1
// would then drop the cookie, so `npm start` without ORIGIN could not log in.
export function sessionCookieOptions(expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isProduction(), expires };
}

export const clearSessionCookieOptions = () => ({ path: '/', secure: isProduction() });

/** The language cookie is read by the browser's script too (Paraglide). */
export const languageCookieOptions = () => ({ path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' as const, secure: isProduction() });

/** After login the profile's language wins over the browser's. */
export function startSession(cookies: Cookies, session: { token: string; expiresAt: Date; locale: Locale }): void {
	cookies.set(sessionCookieName, session.token, sessionCookieOptions(session.expiresAt));
	cookies.set(cookieName, session.locale, languageCookieOptions());
}

/**
 * The pupils' questionnaire (issue 19.2) gives a phone a random id, so it answers
 * once. Only for /q, for a week: never sent with any other page of the app.
 */
export const deviceCookieOptions = () => ({ path: '/q', httpOnly: true, sameSite: 'lax' as const, secure: isProduction(), maxAge: 7 * 24 * 3600 });
