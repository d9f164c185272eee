import { pageUser } from '$lib/server/auth/guards';
import { transitionEdition, updateEdition, type Transition } from '$lib/server/campaigns/edition-admin.service';
import { editionDetail, listCampaignOptions } from '$lib/server/campaigns/edition-pages.service';
import { parseEditionForm } from '$lib/server/campaigns/edition-form';
import { invalid } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { confirmedAction } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	pageUser(locals, url);
	const db = locals.db;
	const [edition, campaigns] = await Promise.all([editionDetail(db, Number(params.id)), listCampaignOptions(db)]);
	if (!edition) error(404, m.error_not_found());
	return { edition, campaigns, created: url.searchParams.has('created'), copied: url.searchParams.has('copied') };
};

async function transition({ request, locals, params }: RequestEvent<{ id: string }>, to: Transition) {
	const form = await request.formData();
	return orFail(form, async () => {
		await transitionEdition(locals.db, locals.user!, Number(params.id), to);
		return { done: to };
	});
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseEditionForm(form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		return orFail(form, async () => {
			const { promoted } = await updateEdition(locals.db, locals.user!, Number(params.id), parsed.data);
			return { saved: true, promoted };
		});
	},
	publish: (event) => transition(event, 'publish'),
	// Final, so only with the tick of its confirmation: a post without it archives nothing.
	archive: confirmedAction(m.ed_archive_error_confirm, async ({ locals, params }) => {
		await transitionEdition(locals.db, locals.user!, Number(params.id), 'archive');
		return { done: 'archive' as const };
	}),
	unpublish: (event) => transition(event, 'unpublish')
};
