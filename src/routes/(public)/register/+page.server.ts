import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { failFromError, invalid, parseForm } from '$lib/server/forms';
import { registerTeacher } from '$lib/server/users/registration.service';
import { registerSchema } from '$lib/schemas/auth';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	// A coordinator can hand out a link with the code filled in: /register?code=…
	return { code: url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const parsed = parseForm(registerSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await registerTeacher(await getDb(), { ...parsed.data, locale: getLocale() });
		} catch (err) {
			return failFromError(err, form);
		}
		return { registered: parsed.data.email };
	}
};
