import { redirect, type RequestEvent } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { addStock, correctOnHand, createItem, setItemActive, updateItem } from '$lib/server/kits/catalogue.service';
import { cataloguePage } from '$lib/server/kits/catalogue-page.service';
import { carryOverStock } from '$lib/server/kits/stock-carry-over.service';
import { carryOverSchema, kitItemSchema, onHandSchema, stockSchema } from '$lib/schemas/kit-item';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const q = url.searchParams;
	return {
		page: await orHttpError(async () => cataloguePage(locals.db, user, Number(params.id))),
		done: q.get('done'),
		moved: Number(q.get('moved') ?? 0),
		skipped: Number(q.get('skipped') ?? 0)
	};
};

type Db = App.Locals['db'];
type Actor = NonNullable<App.Locals['user']>;

/** Parse with the form's schema, run the service, back to the page with what was done. */
function action<S extends z.ZodType>(schema: S, done: string, run: (db: Db, actor: Actor, data: z.output<S>, editionId: number) => Promise<string | void>) {
	return formAction(schema, async (data, { locals, params }: RequestEvent<{ id: string }>) => {
		const extra = await run(locals.db, locals.user!, data, Number(params.id));
		redirect(303, `/coordinator/editions/${params.id}/kits?done=${done}${extra ?? ''}`);
	});
}

const itemOnly = stockSchema.pick({ itemId: true });

export const actions: Actions = {
	create: action(kitItemSchema, 'created', async (db, actor, d, editionId) => void (await createItem(db, actor, editionId, d))),
	update: action(kitItemSchema.extend(itemOnly.shape), 'updated', (db, actor, d) => updateItem(db, actor, d.itemId, d)),
	addStock: action(stockSchema, 'stock', (db, actor, d) => addStock(db, actor, d.itemId, d.quantity!)),
	correct: action(onHandSchema, 'corrected', (db, actor, d) => correctOnHand(db, actor, d.itemId, d.onHand!)),
	retire: action(itemOnly, 'retired', (db, actor, d) => setItemActive(db, actor, d.itemId, false)),
	restore: action(itemOnly, 'restored', (db, actor, d) => setItemActive(db, actor, d.itemId, true)),
	carryOver: action(carryOverSchema, 'carried', async (db, actor, d, editionId) => {
		const r = await carryOverStock(db, actor, editionId, d.toEditionId);
		return `&moved=${r.moved.length}&skipped=${r.skipped.length}`;
	})
};
