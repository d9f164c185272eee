import { redirect } from '@sveltejs/kit';
import { startSession } from '$lib/server/auth/cookies';
import { deviceLabelFrom } from '$lib/server/auth/session';
import { formAction } from '$lib/server/http/form-action';
import { acceptInvite, describeToken } from '$lib/server/users/registration.service';
import { acceptInviteSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	account: await describeToken(locals.db, params.token, 'invite')
});

export const actions: Actions = {
	default: formAction(acceptInviteSchema, async (data, { locals, params, request, cookies }) => {
		const session = await acceptInvite(locals.db, {
			token: params.token,
			...data,
			deviceLabel: deviceLabelFrom(request.headers.get('user-agent'))
		});
		startSession(cookies, session);
		redirect(303, '/');
	})
};
