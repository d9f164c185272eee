import { pageUser } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/http/forms';
import { formAction, orFail } from '$lib/server/http/form-action';
import { accountPage, logoutOtherDevices, updateProfile } from '$lib/server/users/account.service';
import { mailPreferences, updateMailPreferences } from '$lib/server/users/mail-preferences.service';
import { profileSchema } from '$lib/schemas/auth';
import { addCampusSchema, leaveCampusSchema } from '$lib/schemas/teacher-campus';
import { addCampusByCode, campusesOfTeacher, leaveCampus } from '$lib/server/users/teacher-campus.service';
import { mailPreferencesSchema } from '$lib/schemas/mail-preferences';
import { cookieName } from '$lib/paraglide/runtime';
import { languageCookieOptions } from '$lib/server/auth/cookies';
import { deletionRequestSchema } from '$lib/schemas/deletion-request';
import { openDeletionRequest, requestDeletion, withdrawDeletionRequest } from '$lib/server/privacy/deletion-request.service';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return {
		account: { email: user.email, displayName: user.displayName, locale: user.locale, roles: user.roles },
		saved: url.searchParams.has('saved'),
		mailPreferences: await mailPreferences(locals.db, user.id),
		// Only teachers have campuses; a code in the link (from the registration page) fills in the field.
		campuses: user.roles.includes('teacher') ? await campusesOfTeacher(locals.db, user) : null,
		campusCode: url.searchParams.get('code') ?? '',
		deletionRequest: await openDeletionRequest(locals.db, user.id),
		...(await accountPage(locals.db, user.id, locals.sessionId))
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(profileSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await updateProfile(locals.db, locals.user!.id, parsed.data);
		cookies.set(cookieName, parsed.data.locale, languageCookieOptions());
		// A new language must re-render the whole page (header, labels), so the page loads anew.
		redirect(303, '/account?saved');
	},
	mails: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(mailPreferencesSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await updateMailPreferences(locals.db, locals.user!.id, parsed.data);
		return { mailsSaved: true };
	},
	addCampus: formAction(addCampusSchema, async (data, { locals }) => {
		const added = await addCampusByCode(locals.db, locals.user!, data.inviteCode);
		return { campusAdded: added.label };
	}),
	leaveCampus: formAction(leaveCampusSchema, async (data, { locals }) => {
		const left = await leaveCampus(locals.db, locals.user!, data.campusId);
		return { campusLeft: left.label };
	}),
	requestDeletion: formAction(deletionRequestSchema, async (data, { locals }) => {
		await requestDeletion(locals.db, locals.user!.id, data.reason);
		return { deletionRequested: true };
	}),
	withdrawDeletion: async ({ request, locals }) => {
		const form = await request.formData();
		return orFail(form, async () => {
			await withdrawDeletionRequest(locals.db, locals.user!.id);
			return { deletionWithdrawn: true };
		});
	},
	logoutOthers: async ({ locals }) => {
		await logoutOtherDevices(locals.db, locals.user!.id, locals.sessionId!);
		return { loggedOutOthers: true };
	}
};
