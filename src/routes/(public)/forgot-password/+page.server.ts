import { requestPasswordReset } from '$lib/server/auth/password-reset.service';
import { invalid, parseForm } from '$lib/server/http/forms';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// Same answer whether or not the account exists.
		await requestPasswordReset(locals.db, { email: parsed.data.email, locale: getLocale() });
		return { sentTo: parsed.data.email };
	}
};
