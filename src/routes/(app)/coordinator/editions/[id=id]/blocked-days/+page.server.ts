import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { blockDaysSchema, releaseDaySchema, releaseKindSchema } from '$lib/schemas/blocked-day';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { addBlockedDays, blockedDaysPage, prefillHolidays, removeBlockedDay, removeBlockedKind } from '$lib/server/workshops/slots/blocked-days.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const q = url.searchParams;
	return {
		page: await orHttpError(async () => blockedDaysPage(locals.db, user, Number(params.id))),
		done: q.get('done'),
		n: Number(q.get('n') ?? 0),
		skipped: Number(q.get('skipped') ?? 0),
		school: Number(q.get('school') ?? 0)
	};
};

type Db = App.Locals['db'];
type Actor = NonNullable<App.Locals['user']>;

/** Parse with the form's schema, run the service, back to the page saying what was done (and how many). */
function action<S extends z.ZodType>(schema: S, done: string, run: (db: Db, actor: Actor, data: z.output<S>, editionId: number) => Promise<string>) {
	return formAction(schema, async (data, { locals, params }: RequestEvent<{ id: string }>) => {
		const counts = await run(locals.db, locals.user!, data, Number(params.id));
		redirect(303, `/coordinator/editions/${params.id}/blocked-days?done=${done}${counts}`);
	});
}

export const actions: Actions = {
	add: action(blockDaysSchema, 'added', async (db, actor, d, editionId) => {
		const r = await addBlockedDays(db, actor, editionId, d);
		return `&n=${r.added}&skipped=${r.skipped}`;
	}),
	release: action(releaseDaySchema, 'released', async (db, actor, d, editionId) => {
		await removeBlockedDay(db, actor, editionId, d.date);
		return '';
	}),
	releaseKind: action(releaseKindSchema, 'released_kind', async (db, actor, d, editionId) => `&n=${await removeBlockedKind(db, actor, editionId, d.kind)}`),
	prefill: action(z.object({}), 'prefilled', async (db, actor, _d, editionId) => {
		const r = await prefillHolidays(db, actor, editionId);
		return `&n=${r.publicHolidays}&school=${r.schoolHolidays}`;
	})
};
