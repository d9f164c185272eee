import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { formValues, invalid } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { cityLogoMaxPixels, maxCityLogoBytes } from '$lib/server/settings/city-logo';
import { cityIdentityForEdit, updateCitySettings } from '$lib/server/settings/city-settings.service';
import { cityLogoUrl } from '$lib/server/settings/settings.service';
import { retentionPeriods } from '$lib/server/retention/retention-settings.service';
import { pupilDataSettings } from '$lib/server/pupil-survey/pupil-data-settings.service';
import { citySettingsSchema } from '$lib/schemas/city-settings';
import { limits } from '$lib/limits';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const identity = await cityIdentityForEdit(locals.db, user);
	return {
		retention: await retentionPeriods(locals.db),
		pupilData: await pupilDataSettings(locals.db),
		identity,
		logoUrl: identity.logoSha256 ? cityLogoUrl(identity.logoSha256) : null,
		logo: { maxMb: maxCityLogoBytes / 1_048_576, pixels: cityLogoMaxPixels },
		maxLinks: limits.helpLinks,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: formAction(citySettingsSchema, async (data, { locals }, form) => {
		const file = form.get('logo');
		let logo: Uint8Array | null = null;
		if (file instanceof File && file.size > 0) {
			// Refused before reading: the size alone decides.
			if (file.size > maxCityLogoBytes) return invalid(formValues(form), { logo: m.cs_v_logo_size({ maxMb: maxCityLogoBytes / 1_048_576 }) });
			logo = new Uint8Array(await file.arrayBuffer());
		}
		await updateCitySettings(locals.db, locals.user!, data, logo);
		redirect(303, '/coordinator/settings?saved');
	})
};
