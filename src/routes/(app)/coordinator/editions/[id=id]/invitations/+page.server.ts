import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { invitationOverview, sendSchoolInvitations } from '$lib/server/campaigns/school-invitations.service';
import type { InvitationOptions } from '$lib/server/campaigns/school-invitation-recipients';
import { orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

/** The page's choices, from its query string (GET form) or the posted send form: same names in both. */
function optionsOf(get: (name: string) => unknown): InvitationOptions {
	return { includeTeachers: get('teachers') === '1', contactLocale: get('lang') === 'en' ? 'en' : 'nl' };
}

const query = (o: InvitationOptions) => `teachers=${o.includeTeachers ? 1 : 0}&lang=${o.contactLocale}`;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const options = optionsOf((n) => url.searchParams.get(n));
	const overview = await orHttpError(async () => invitationOverview(locals.db, locals.user!, Number(params.id), options));
	const sent = url.searchParams.get('sent');
	return { overview, options, sent: sent === null ? null : Math.max(0, Math.floor(Number(sent)) || 0) };
};

export const actions: Actions = {
	send: async ({ request, locals, params }) => {
		const form = await request.formData();
		const options = optionsOf((n) => form.get(n));
		return orFail(form, async () => {
			const { queued } = await sendSchoolInvitations(locals.db, locals.user!, Number(params.id), options);
			// The count travels in the address, so the notice survives a reload and works without JavaScript.
			redirect(303, `?${query(options)}&sent=${queued}`);
		});
	}
};
