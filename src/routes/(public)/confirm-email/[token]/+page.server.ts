import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { confirmEmail, describeToken } from '$lib/server/users/registration.service';
import { orFail } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

// The GET only shows a button: mail scanners that open links must not use up the token.
export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'email_confirm')
});

export const actions: Actions = {
	default: async ({ locals, params, request, cookies }) => {
		const form = await request.formData();
		return orFail(form, async () => {
			const session = await confirmEmail(locals.db, params.token, { userAgent: request.headers.get('user-agent') });
			if (!session) redirect(303, '/login?confirmed');
			// Someone else was logged in in this browser: that session ends here.
			if (locals.sessionId) await invalidateSession(locals.db, locals.sessionId);
			startSession(cookies, session);
			// Only teachers register (and confirm their address); invited accounts confirm by accepting the invitation.
			redirect(303, '/teacher?notice=confirmed');
		});
	}
};
