import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/http/form-action';
import { retentionOverview, updateRetentionPeriods } from '$lib/server/retention/retention-settings.service';
import { retentionSettingsSchema } from '$lib/schemas/retention-settings';
import { retentionBounds } from '$lib/retention-periods';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return { ...(await retentionOverview(locals.db, user)), bounds: retentionBounds, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: formAction(retentionSettingsSchema, async (data, { locals }) => {
		await updateRetentionPeriods(locals.db, locals.user!, data);
		redirect(303, '/coordinator/settings/retention?saved');
	})
};
