import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { bookSlot } from '$lib/server/workshops/trainers/booking.service';
import { openSlotsPage, parseCursor, parseOpenFilters, parseOpenShow } from '$lib/server/workshops/trainers/trainer-views.service';
import { bookSchema } from '$lib/schemas/trainer-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const filters = parseOpenFilters(url.searchParams);
	const after = parseCursor(url.searchParams.get('after'));
	const show = parseOpenShow(url.searchParams);
	return { list: await orHttpError(async () => openSlotsPage(locals.db, user, filters, after, show)), filters, show, paged: after !== null };
};

export const actions: Actions = {
	/** "I will give this one": on success, to the slot's page; a refusal stays on the list. */
	book: formAction(bookSchema, async ({ slotId }, { locals }) => {
		await bookSlot(locals.db, locals.user!, slotId);
		redirect(303, `/trainer/workshops/${slotId}?done=booked`);
	})
};
