import { pageUser } from '$lib/server/auth/guards';
import { editionsForDisplay } from '$lib/server/campaigns/edition-view';
import { getDb } from '$lib/server/db';
import { findOrganisationName } from '$lib/server/users/user-list.repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const db = await getDb();
	const [organisation, editions] = await Promise.all([
		user.organisationId ? findOrganisationName(db, user.organisationId) : null,
		editionsForDisplay(db, ['published'])
	]);
	return { organisation, editions };
};
