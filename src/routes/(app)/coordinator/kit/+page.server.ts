import { pageUser } from '$lib/server/auth/guards';
import { kitOverview } from '$lib/server/kits/kit-overview.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ editions: await kitOverview(locals.db, pageUser(locals, url)) });
