import { pageUser } from '$lib/server/auth/guards';
import { listCampaigns } from '$lib/server/campaigns/campaign.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { campaigns: await listCampaigns(locals.db) };
};
