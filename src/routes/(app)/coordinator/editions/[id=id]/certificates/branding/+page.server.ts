import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { editionBranding, maxLogoBytes, updateBranding } from '$lib/server/certificates/branding.service';
import { formValues, invalid, orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { certificateBrandingSchema } from '$lib/schemas/certificate-branding';
import { defaultAccent, defaultPrimary } from '$lib/server/certificates/certificate-pdf';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const branding = await orHttpError(async () => editionBranding(locals.db, user, Number(params.id)));
	return { branding, defaults: { primary: defaultPrimary, accent: defaultAccent }, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: formAction(certificateBrandingSchema, async (data, { locals, params }, form) => {
		const file = form.get('logo');
		let logo: Uint8Array | null = null;
		if (file instanceof File && file.size > 0) {
			// Refused before reading: the size alone decides.
			if (file.size > maxLogoBytes) return invalid(formValues(form), { logo: m.cpdf_branding_v_logo_size() });
			logo = new Uint8Array(await file.arrayBuffer());
		}
		await updateBranding(locals.db, locals.user!, Number(params.id), data, logo);
		redirect(303, `/coordinator/editions/${params.id}/certificates/branding?saved`);
	})
};
