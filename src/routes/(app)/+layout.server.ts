import { pageUser } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// The hook recorded the guard's decision; throwing it here renders the localized error page.
export const load: LayoutServerLoad = ({ locals, url }) => {
	pageUser(locals, url);
	return {};
};
