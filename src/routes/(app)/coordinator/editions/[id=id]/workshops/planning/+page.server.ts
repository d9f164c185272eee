import { redirect } from '@sveltejs/kit';
import { placeClassSchema } from '$lib/schemas/workshop-slot';
import { pageUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/http/form-action';
import { orHttpError } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import { placeFromProposal, placementNotice } from '$lib/server/workshops/slots/planning-placement.service';
import { planningPage } from '$lib/server/workshops/slots/planning.service';
import type { Actions, PageServerLoad } from './$types';

const idParam = (url: URL, key: string) => {
	const n = Number(url.searchParams.get(key));
	return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/**
 * Per campus taking part: classes still without a workshop, each with the slots
 * proposed for it, and slots there with room. ?all=1 also lists campuses that are
 * fully planned; ?placed=<slot>&class=<class> names what "Place here" just did.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = pageUser(locals, url);
	const { page } = pageParams(url);
	const all = url.searchParams.get('all') === '1';
	const editionId = Number(params.id);
	const planning = await orHttpError(async () => planningPage(locals.db, user, editionId, { page, all }));
	const [slotId, classId] = [idParam(url, 'placed'), idParam(url, 'class')];
	return { planning, placed: slotId && classId ? await placementNotice(locals.db, editionId, slotId, classId) : null };
};

export const actions: Actions = {
	/** Back to the same page of the same list, which says where the class went (the class itself leaves the list). */
	place: async (event) => {
		const user = pageUser(event.locals, event.url);
		return formAction(placeClassSchema, async (data) => {
			await placeFromProposal(event.locals.db, user, Number(event.params.id), data.classId, data.slotId);
			const keep = new URLSearchParams();
			for (const key of ['all', 'page']) if (event.url.searchParams.has(key)) keep.set(key, event.url.searchParams.get(key)!);
			keep.set('placed', String(data.slotId));
			keep.set('class', String(data.classId));
			redirect(303, `/coordinator/editions/${event.params.id}/workshops/planning?${keep}`);
		})(event);
	}
};
