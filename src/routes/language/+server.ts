import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { languageCookieOptions } from '$lib/server/auth/cookies';
import { safeReturnPath } from '$lib/server/auth/guards';
import { setUserLocale } from '$lib/server/users/user-admin.service';
import type { RequestHandler } from './$types';

/**
 * The language switch is a small form in the header (works without JavaScript):
 * it sets the language cookie, remembers the choice in the profile of a
 * signed-in user, and goes back to the page it came from. A POST, because it
 * changes the profile: the origin check in hooks.server.ts refuses it from
 * another site, which a link (GET) could not.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const to = String(form.get('to') ?? '');
	const back = safeReturnPath(String(form.get('back') ?? '/'));
	if (isLocale(to)) {
		cookies.set(cookieName, to, languageCookieOptions());
		if (locals.user && locals.user.locale !== to) await setUserLocale(locals.db, locals.user.id, to);
	}
	redirect(303, back);
};

/** An old link or bookmark to the switch: back to the page, nothing changed. */
export const GET: RequestHandler = ({ url }) => redirect(303, safeReturnPath(url.searchParams.get('back')));
