import { pageUser } from '$lib/server/auth/guards';
import { listOrganisations } from '$lib/server/organisations/organisation.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	return { organisations: await listOrganisations(locals.db) };
};
