import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campaignDetail, updateCampaign } from '$lib/server/campaigns/campaign.service';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import * as m from '$lib/paraglide/messages';
import { campaignSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const detail = await campaignDetail(locals.db, Number(params.id));
	if (!detail) error(404, m.error_not_found());
	return { ...detail, created: url.searchParams.has('created') };
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(campaignSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await updateCampaign(locals.db, locals.user!, Number(params.id), parsed.data);
			return { saved: true };
		} catch (err) {
			return failFromError(err, form);
		}
	}
};
