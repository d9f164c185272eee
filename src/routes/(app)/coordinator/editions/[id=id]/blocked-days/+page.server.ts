import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { blockDaysSchema, importKindSchema, releaseDaySchema, releaseKindSchema, releasePeriodSchema } from '$lib/schemas/blocked-day';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { parseBlockedDaysFile, type ImportProblem } from '$lib/server/workshops/slots/blocked-days-import';
import {
	addBlockedDays,
	blockedDaysPage,
	importBlockedDays,
	prefillHolidays,
	removeBlockedDay,
	removeBlockedKind,
	removeBlockedPeriod
} from '$lib/server/workshops/slots/blocked-days.service';
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

/** A refused import: the message, each bad line, and the kind that was chosen. */
const refuseImport = (kind: string, message: string, problems: ImportProblem[] = []) =>
	fail(400, { message, values: { kind, import: '1' }, problems: problems.map((p) => m.bd_import_line({ line: p.line, problem: p.message })) });

export const actions: Actions = {
	add: action(blockDaysSchema, 'added', async (db, actor, d, editionId) => {
		const r = await addBlockedDays(db, actor, editionId, d);
		return `&n=${r.added}&skipped=${r.skipped}`;
	}),
	release: action(releaseDaySchema, 'released', async (db, actor, d, editionId) => {
		await removeBlockedDay(db, actor, editionId, d.date);
		return '';
	}),
	releasePeriod: action(releasePeriodSchema, 'released_kind', async (db, actor, d, editionId) => `&n=${await removeBlockedPeriod(db, actor, editionId, d)}`),
	releaseKind: action(releaseKindSchema, 'released_kind', async (db, actor, d, editionId) => `&n=${await removeBlockedKind(db, actor, editionId, d.kind)}`),
	import: formAction(importKindSchema, async ({ kind }, { locals, params }: RequestEvent<{ id: string }>, form) => {
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return refuseImport(kind, m.bd_import_no_file());
		const parsed = parseBlockedDaysFile(new Uint8Array(await file.arrayBuffer()));
		if (!parsed.ok) return refuseImport(kind, parsed.message, parsed.problems);
		const r = await importBlockedDays(locals.db, locals.user!, Number(params.id), kind, parsed.entries);
		if (!r.ok) return refuseImport(kind, m.bd_import_errors({ count: r.problems.length }), r.problems);
		redirect(303, `/coordinator/editions/${params.id}/blocked-days?done=added&n=${r.added}&skipped=${r.skipped}`);
	}),
	prefill: action(z.object({}), 'prefilled', async (db, actor, _d, editionId) => {
		const r = await prefillHolidays(db, actor, editionId);
		return `&n=${r.publicHolidays}&school=${r.schoolHolidays}`;
	})
};
