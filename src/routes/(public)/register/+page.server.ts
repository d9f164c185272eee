import { redirect } from '@sveltejs/kit';
import { failFromError, invalid, parseForm } from '$lib/server/http/forms';
import { registerTeacher } from '$lib/server/users/registration.service';
import { RateLimitedError } from '$lib/server/errors';
import { registerSchema } from '$lib/schemas/auth';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/');
	// A coordinator can hand out a link with the code filled in: /register?code=…
	return { code: url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
	default: async ({ locals, request, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const parsed = parseForm(registerSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			// The client address as login takes it, so both limits count the same client.
			await registerTeacher(locals.db, { ...parsed.data, locale: getLocale(), address: getClientAddress() });
		} catch (err) {
			if (err instanceof RateLimitedError) setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
			return failFromError(err, form);
		}
		// The same answer whether the address is new or has an account (which then gets a mail instead).
		return { registered: parsed.data.email };
	}
};
