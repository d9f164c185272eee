import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { pageParams } from '$lib/server/pagination';
import { assignTrainer, unassignTrainer } from '$lib/server/workshops/trainers/booking.service';
import { plannerPage } from '$lib/server/workshops/trainers/trainer-planner.service';
import { plannerFigures } from '$lib/server/workshops/trainers/planner-figures.service';
import { parseCursor } from '$lib/server/workshops/trainers/trainer-views.service';
import { assignSchema, unassignSchema } from '$lib/schemas/trainer-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const after = parseCursor(url.searchParams.get('after'));
	const edition = Number(url.searchParams.get('edition')) || null;
	return {
		plan: await orHttpError(async () => plannerPage(locals.db, user, after, pageParams(url))),
		figures: await orHttpError(async () => plannerFigures(locals.db, user, edition)),
		paged: after !== null,
		done: url.searchParams.get('done')
	};
};

type Db = App.Locals['db'];
type Actor = NonNullable<App.Locals['user']>;

/** Parse, run the booking service (which checks the planner's rights again), back to the plan. */
function action<S extends z.ZodType>(schema: S, done: string, run: (db: Db, actor: Actor, data: z.output<S>) => Promise<void>) {
	return formAction(schema, async (data, { locals }: RequestEvent) => {
		await run(locals.db, locals.user!, data);
		redirect(303, `/trainer/workshops/planner?done=${done}`);
	});
}

export const actions: Actions = {
	assign: action(assignSchema, 'assigned', (db, actor, d) => assignTrainer(db, actor, d.slotId, d.trainerId)),
	unassign: action(unassignSchema, 'unassigned', (db, actor, d) => unassignTrainer(db, actor, d.slotId, d.trainerId, d.reason))
};
