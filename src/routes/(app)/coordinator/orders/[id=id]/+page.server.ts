import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { refuseUnconfirmed } from '$lib/server/http/confirm';
import * as m from '$lib/paraglide/messages';
import { approveOrder, cancelOrder, handOver, markPacked } from '$lib/server/kits/kit-order-flow.service';
import { coordinatorOrderPage } from '$lib/server/kits/order-page.service';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return { order: await orHttpError(async () => coordinatorOrderPage(locals.db, user, Number(params.id))), done: url.searchParams.get('done') };
};

/** Each step of the order, then back to its page with what happened. */
const step =
	(done: string, run: (form: FormData, db: App.Locals['db'], actor: NonNullable<App.Locals['user']>, id: number) => Promise<void>) =>
	async ({ request, locals, params }: { request: Request; locals: App.Locals; params: { id: string } }) => {
		const form = await request.formData();
		// Cancelling is final: only with the tick of its confirmation (DangerAction).
		if (done === 'cancelled') {
			const refused = refuseUnconfirmed(form, m.kitui_cancel_error_confirm);
			if (refused) return refused;
		}
		return orFail(form, async () => {
			await run(form, locals.db, locals.user!, Number(params.id));
			redirect(303, `/coordinator/orders/${params.id}?done=${done}`);
		});
	};

export const actions: Actions = {
	approve: step('approved', (_f, db, actor, id) => approveOrder(db, actor, id, getLocale())),
	pack: step('packed', (_f, db, actor, id) => markPacked(db, actor, id)),
	handOver: step('handed_over', (f, db, actor, id) =>
		handOver(db, actor, id, { handedOverOn: String(f.get('handedOverOn') ?? ''), receivedBy: String(f.get('receivedBy') ?? '') })
	),
	cancel: step('cancelled', (_f, db, actor, id) => cancelOrder(db, actor, id))
};
