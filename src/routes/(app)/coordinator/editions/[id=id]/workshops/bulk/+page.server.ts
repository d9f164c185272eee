import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { createSlotsBulk } from '$lib/server/workshops/slots/slot-admin.service';
import { slotFormChoices } from '$lib/server/workshops/slots/slot-page.service';
import { bulkSlotSchema } from '$lib/schemas/workshop-slot';
import type { Actions, PageServerLoad } from './$types';

/** Several slots on one day at one campus, all or none. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const choices = await orHttpError(async () => slotFormChoices(locals.db, user, Number(params.id)));
	return { ...choices, campusId: url.searchParams.get('campusId') ?? '' };
};

export const actions: Actions = {
	default: formAction(bulkSlotSchema, async (d, { locals, params }) => {
		const ids = await createSlotsBulk(locals.db, locals.user!, Number(params.id), d);
		// The new series, on its own: that campus on that day.
		redirect(303, `/coordinator/editions/${params.id}/workshops?campus=${d.campusId}&from=${d.localDate}&to=${d.localDate}&created=${ids.length}`);
	})
};
