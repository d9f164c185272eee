import { pageUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { accountPage, logoutOtherDevices, updateProfile } from '$lib/server/users/account.service';
import { mailPreferences, updateMailPreferences } from '$lib/server/users/mail-preferences.service';
import { profileSchema } from '$lib/schemas/auth';
import { mailPreferencesSchema } from '$lib/schemas/mail-preferences';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return {
		account: { email: user.email, displayName: user.displayName, locale: user.locale, roles: user.roles },
		saved: url.searchParams.has('saved'),
		mailPreferences: await mailPreferences(await getDb(), user.id),
		...(await accountPage(await getDb(), user.id, locals.sessionId))
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(profileSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await updateProfile(await getDb(), locals.user!.id, parsed.data);
		cookies.set(cookieName, parsed.data.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		// A new language must re-render the whole page (header, labels), so the page loads anew.
		redirect(303, '/account?saved');
	},
	mails: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(mailPreferencesSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await updateMailPreferences(await getDb(), locals.user!.id, parsed.data);
		return { mailsSaved: true };
	},
	logoutOthers: async ({ locals }) => {
		await logoutOtherDevices(await getDb(), locals.user!.id, locals.sessionId!);
		return { loggedOutOthers: true };
	}
};
