import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { setUserLocale } from '$lib/server/users/user-admin.service';
import type { RequestHandler } from './$types';

/**
 * The language switch is a plain link (works without JavaScript): it sets the
 * language cookie, remembers the choice in the profile of a signed-in user, and
 * goes back to the page it came from.
 */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const to = url.searchParams.get('to') ?? '';
	const back = safeReturnPath(url.searchParams.get('back'));
	if (isLocale(to)) {
		cookies.set(cookieName, to, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		if (locals.user && locals.user.locale !== to) await setUserLocale(await getDb(), locals.user.id, to);
	}
	redirect(303, back);
};
