import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { createCampaign } from '$lib/server/campaigns/campaign.service';
import { formAction } from '$lib/server/http/form-action';
import { campaignSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: formAction(campaignSchema, async (data, { locals }) => {
		const id = await createCampaign(locals.db, locals.user!, data);
		redirect(303, `/coordinator/campaigns/${id}?created=1`);
	})
};
