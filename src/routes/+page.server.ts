import { redirect } from '@sveltejs/kit';
import { startPageOf } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, startPageOf(locals.user));
};
