import { pageUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http/forms';
import { orFail } from '$lib/server/http/form-action';
import { feedStatus, regenerateFeed } from '$lib/server/workshops/calendar/calendar-feed.service';
import type { Actions, PageServerLoad } from './$types';

const scope = { editionId: null };

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = pageUser(locals, url);
	return { feed: await orHttpError(async () => feedStatus(locals.db, user, scope)) };
};

export const actions: Actions = {
	// The new address goes back in the action's answer only: it is never stored or shown again.
	regenerate: async ({ locals }) => {
		// Nothing posted to send back: the failure carries no values.
		return orFail(new FormData(), async () => ({ created: (await regenerateFeed(locals.db, locals.user!, scope)).urls }));
	}
};
