import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/http/form-action';
import { retentionOverview, updateRetentionPeriods } from '$lib/server/retention/retention-settings.service';
import { pupilDataSettingsForEdit, updatePupilDataSettings } from '$lib/server/pupil-survey/pupil-data-settings.service';
import { retentionSettingsSchema } from '$lib/schemas/retention-settings';
import { pupilDataSettingsSchema } from '$lib/schemas/pupil-data-settings';
import { retentionBounds } from '$lib/retention-periods';
import { pupilDataBounds } from '$lib/pupil-data-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const [overview, pupilData] = await Promise.all([retentionOverview(locals.db, user), pupilDataSettingsForEdit(locals.db, user)]);
	return { ...overview, pupilData, bounds: retentionBounds, pupilBounds: pupilDataBounds, saved: url.searchParams.has('saved') };
};

// One form: the periods and the pupils' questionnaire's settings (issue 19.5), each saved and audited by its own service.
const schema = retentionSettingsSchema.extend(pupilDataSettingsSchema.shape);

export const actions: Actions = {
	default: formAction(schema, async (data, { locals }) => {
		await updateRetentionPeriods(locals.db, locals.user!, data);
		await updatePupilDataSettings(locals.db, locals.user!, data);
		redirect(303, '/coordinator/settings/retention?saved');
	})
};
