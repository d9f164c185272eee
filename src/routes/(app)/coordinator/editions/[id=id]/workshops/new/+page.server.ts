import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { formAction } from '$lib/server/http/form-action';
import { createSlot } from '$lib/server/workshops/slots/slot-admin.service';
import { slotFormChoices } from '$lib/server/workshops/slots/slot-page.service';
import { slotSchema } from '$lib/schemas/workshop-slot';
import type { Actions, PageServerLoad } from './$types';

/** One new slot; ?campusId= (from the planning view) preselects the campus. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const choices = await orHttpError(async () => slotFormChoices(locals.db, user, Number(params.id)));
	return { ...choices, campusId: url.searchParams.get('campusId') ?? '' };
};

export const actions: Actions = {
	default: formAction(slotSchema, async (data, { locals, params }) => {
		const slotId = await createSlot(locals.db, locals.user!, Number(params.id), data);
		redirect(303, `/coordinator/editions/${params.id}/workshops/${slotId}?created=1`);
	})
};
