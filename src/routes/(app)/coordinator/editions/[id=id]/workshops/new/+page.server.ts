import { redirect } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { failFromError, invalid, orHttpError, parseForm } from '$lib/server/http/forms';
import { createSlot } from '$lib/server/workshops/slot-admin.service';
import { slotFormChoices } from '$lib/server/workshops/slot-page.service';
import { slotSchema } from '$lib/schemas/workshop-slot';
import type { Actions, PageServerLoad } from './$types';

/** One new slot; ?campusId= (from the planning view) preselects the campus. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const choices = await orHttpError(async () => slotFormChoices(locals.db, user, Number(params.id)));
	return { ...choices, campusId: url.searchParams.get('campusId') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = parseForm(slotSchema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		let slotId: number;
		try {
			slotId = await createSlot(locals.db, locals.user!, Number(params.id), parsed.data);
		} catch (err) {
			return failFromError(err, form);
		}
		redirect(303, `/coordinator/editions/${params.id}/workshops/${slotId}?created=1`);
	}
};
