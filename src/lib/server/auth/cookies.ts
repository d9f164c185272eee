import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '../../paraglide/runtime';
import { isProduction } from '../config';
import type { Locale } from '../db/schema';
import { sessionCookieName } from './session';

export function sessionCookieOptions(expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isProduction(), expires };
}

/** After login the profile's language wins over the browser's. */
export function startSession(cookies: Cookies, session: { token: string; expiresAt: Date; locale: Locale }): void {
	cookies.set(sessionCookieName, session.token, sessionCookieOptions(session.expiresAt));
	cookies.set(cookieName, session.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
}
