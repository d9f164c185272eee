import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { retentionOverview, updateRetentionPeriods } from '$lib/server/retention/retention-settings.service';
import { retentionSettingsSchema } from '$lib/schemas/retention-settings';
import { retentionBounds } from '$lib/retention-periods';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return { ...(await retentionOverview(locals.db, user)), bounds: retentionBounds, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(retentionSettingsSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await updateRetentionPeriods(locals.db, locals.user!, parsed.data);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, '/coordinator/settings/retention?saved');
	}
};
