import { error } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campaignDetail, updateCampaign } from '$lib/server/campaigns/campaign.service';
import { formAction } from '$lib/server/http/form-action';
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
	update: formAction(campaignSchema, async (data, { locals, params }) => {
		await updateCampaign(locals.db, locals.user!, Number(params.id), data);
		return { saved: true };
	})
};
