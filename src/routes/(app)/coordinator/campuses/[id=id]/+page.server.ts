import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campusDetail } from '$lib/server/campuses/campus-detail.service';
import { deactivateCampus, updateCampus } from '$lib/server/campuses/campus.service';
import { regenerateInviteCode } from '$lib/server/campuses/invite-code.service';
import { campusCertificateEditions } from '$lib/server/certificates/certificate-more';
import { invalid, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { refuseUnconfirmed } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import { campusSchema } from '$lib/schemas/campus';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const db = locals.db;
	const detail = await campusDetail(db, Number(params.id));
	if (!detail) error(404, m.error_not_found());
	const certificates = (await campusCertificateEditions(db, [detail.campus.id])).get(detail.campus.id) ?? [];
	return { ...detail, certificates, created: url.searchParams.has('created') };
};

export const actions: Actions = {
	update: async (event) => {
		const form = await event.request.formData();
		// The level checkboxes repeat one key; the schema reads them as one comma list.
		form.set('levels', form.getAll('levels').join(','));
		const parsed = parseForm(campusSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, async () => {
			await updateCampus(event.locals.db, event.locals.user!, Number(event.params.id), parsed.data);
			return { saved: true };
		});
	},
	deactivate: async ({ request, locals, params }) => {
		const form = await request.formData();
		const refused = refuseUnconfirmed(form, m.cp_deactivate_confirm_required);
		if (refused) return refused;
		return orFail(form, async () => {
			await deactivateCampus(locals.db, locals.user!, Number(params.id));
			return { deactivated: true };
		});
	},
	regenerate: async ({ request, locals, params }) => {
		const form = await request.formData();
		return orFail(form, async () => ({ regenerated: await regenerateInviteCode(locals.db, locals.user!.id, Number(params.id)) }));
	}
};
