import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { bookSlot } from '$lib/server/workshops/booking.service';
import { openSlotsPage, parseCursor, parseOpenFilters } from '$lib/server/workshops/trainer-views.service';
import { bookSchema } from '$lib/schemas/trainer-workshop';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	const filters = parseOpenFilters(url.searchParams);
	const after = parseCursor(url.searchParams.get('after'));
	return { list: await orHttpError(async () => openSlotsPage(locals.db, user, filters, after)), filters, paged: after !== null };
};

export const actions: Actions = {
	/** "I will give this one": on success, to the slot's page; a refusal stays on the list. */
	book: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = parseForm(bookSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		try {
			await bookSlot(locals.db, locals.user!, parsed.data.slotId);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/trainer/workshops/${parsed.data.slotId}?done=booked`);
	}
};
