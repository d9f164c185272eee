import { pageUser } from '$lib/server/auth/guards';
import { transitionEdition, type Transition } from '$lib/server/campaigns/edition-admin.service';
import { editionHub } from '$lib/server/campaigns/edition-hub.service';
import { orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { confirmedAction } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const hub = await orHttpError(() => editionHub(locals.db, user, Number(params.id)));
	const promoted = Number(url.searchParams.get('promoted')) || 0;
	// The notices of a redirect to here: a new edition, a copy, saved settings (edit/+page.server.ts).
	return { hub, created: url.searchParams.has('created'), copied: url.searchParams.has('copied'), saved: url.searchParams.has('saved'), promoted };
};

async function transition({ request, locals, params }: RequestEvent<{ id: string }>, to: Transition) {
	const form = await request.formData();
	return orFail(form, async () => {
		await transitionEdition(locals.db, locals.user!, Number(params.id), to);
		return { done: to };
	});
}

export const actions: Actions = {
	publish: (event) => transition(event, 'publish'),
	// Final, so only with the tick of its confirmation: a post without it archives nothing.
	archive: confirmedAction(m.ed_archive_error_confirm, async ({ locals, params }) => {
		await transitionEdition(locals.db, locals.user!, Number(params.id), 'archive');
		return { done: 'archive' as const };
	}),
	unpublish: (event) => transition(event, 'unpublish')
};
