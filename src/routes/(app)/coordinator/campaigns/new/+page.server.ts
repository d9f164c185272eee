import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { createCampaign } from '$lib/server/campaigns/campaign.service';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { campaignSchema } from '$lib/schemas/campaign';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(campaignSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let id: number;
		try {
			id = await createCampaign(locals.db, locals.user!, parsed.data);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/campaigns/${id}?created=1`);
	}
};
