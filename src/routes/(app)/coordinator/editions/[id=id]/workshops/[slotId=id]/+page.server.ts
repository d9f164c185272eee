import { fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { pageUser } from '$lib/server/auth/guards';
import { invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { assignTrainer, unassignTrainer } from '$lib/server/workshops/trainers/booking.service';
import { cancelSlot, setSlotClasses, updateSlot } from '$lib/server/workshops/slots/slot-admin.service';
import { slotPage } from '$lib/server/workshops/slots/slot-page.service';
import { assignTrainerSchema, cancelSlotSchema, slotClassesSchema, slotSchema, unassignTrainerSchema } from '$lib/schemas/workshop-slot';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const page = await orHttpError(async () => slotPage(locals.db, user, Number(params.id), Number(params.slotId)));
	return { page, done: url.searchParams.get('done') ?? (url.searchParams.has('created') ? 'created' : null) };
};

type Db = App.Locals['db'];
type Actor = NonNullable<App.Locals['user']>;
type Params = { id: string; slotId: string };

/**
 * Parse with the form's schema, run one service call, back to the page saying
 * what was done. Each form posts an `intent`, so a failure shows at its form;
 * the ticked boxes of a list come back too (form values keep one value a key).
 */
function action<S extends z.ZodType>(
	schema: S,
	done: string,
	run: (db: Db, actor: Actor, data: z.output<S>, slotId: number) => Promise<void>,
	lists: string[] = []
) {
	return async ({ request, locals, params }: { request: Request; locals: App.Locals; params: Params }) => {
		const form = await request.formData();
		const ticked = lists.flatMap((key) => form.getAll(key).map(String));
		const parsed = parseForm(schema, form, { lists });
		if (!parsed.ok) return fail(400, { ...invalid(parsed.values, parsed.errors).data, ticked });
		return orFail(
			form,
			async () => {
				await run(locals.db, locals.user!, parsed.data, Number(params.slotId));
				redirect(303, `/coordinator/editions/${params.id}/workshops/${params.slotId}?done=${done}`);
			},
			{ extra: { ticked } }
		);
	};
}

export const actions: Actions = {
	update: action(slotSchema, 'updated', (db, actor, d, slotId) => updateSlot(db, actor, slotId, d)),
	cancel: action(cancelSlotSchema, 'cancelled', (db, actor, d, slotId) => cancelSlot(db, actor, slotId, d.reason)),
	classes: action(slotClassesSchema, 'classes', (db, actor, d, slotId) => setSlotClasses(db, actor, slotId, d.classIds), ['classIds']),
	assign: action(assignTrainerSchema, 'assigned', (db, actor, d, slotId) => assignTrainer(db, actor, slotId, d.trainerId)),
	unassign: action(unassignTrainerSchema, 'unassigned', (db, actor, d, slotId) => unassignTrainer(db, actor, slotId, d.trainerId, d.reason))
};
