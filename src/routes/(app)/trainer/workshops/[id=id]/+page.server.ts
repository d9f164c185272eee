import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { bookSlot, cancelBooking } from '$lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '$lib/server/workshops/trainers/report.service';
import { trainerSlotPage } from '$lib/server/workshops/trainers/trainer-slot-page.service';
import { bookSchema, cancelBookingSchema, reportGivenSchema, reportNotGivenSchema } from '$lib/schemas/trainer-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	return { view: await orHttpError(async () => trainerSlotPage(locals.db, user, Number(params.id))), done: url.searchParams.get('done') };
};

type Db = App.Locals['db'];
type Actor = NonNullable<App.Locals['user']>;

/**
 * Parse with the form's schema, run one service call, back to the slot with what
 * was done. Each form posts a hidden "form" name, so a failure shows at its form.
 */
function action<S extends z.ZodType>(schema: S, done: string, run: (db: Db, actor: Actor, slotId: number, data: z.output<S>) => Promise<void>) {
	return formAction(schema, async (data, { locals, params }: RequestEvent<{ id: string }>) => {
		await run(locals.db, locals.user!, Number(params.id), data);
		redirect(303, `/trainer/workshops/${params.id}?done=${done}`);
	});
}

const bookHere = bookSchema.omit({ slotId: true });

export const actions: Actions = {
	book: action(bookHere, 'booked', (db, actor, slotId) => bookSlot(db, actor, slotId)),
	cancel: action(cancelBookingSchema, 'cancelled', (db, actor, slotId, d) => cancelBooking(db, actor, slotId, d.reason)),
	given: action(reportGivenSchema, 'reported', (db, actor, slotId, d) =>
		reportWorkshop(db, actor, slotId, { outcome: 'given', pupilsPresent: d.pupilsPresent, durationMinutes: d.durationMinutes, note: d.note })
	),
	notGiven: action(reportNotGivenSchema, 'reported', (db, actor, slotId, d) =>
		reportWorkshop(db, actor, slotId, { outcome: 'not_given', notGivenReason: d.notGivenReason, note: d.note })
	)
};
