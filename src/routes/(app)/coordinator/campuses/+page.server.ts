import { fail } from '@sveltejs/kit';
import { pageUser } from '$lib/server/auth/guards';
import { campusListPage } from '$lib/server/campuses/campus-list.service';
import { regenerateInviteCode } from '$lib/server/campuses/invite-code.service';
import { failFromError } from '$lib/server/http/forms';
import { pageParams } from '$lib/server/pagination';
import type { Actions, PageServerLoad } from './$types';

/** The import redirects here with its counts in the address, so the notice survives without JavaScript. */
function importNotice(url: URL) {
	if (!url.searchParams.has('imported')) return null;
	const n = (key: string) => Math.max(0, Math.floor(Number(url.searchParams.get(key)) || 0));
	return { rows: n('imported'), schools: n('schools'), created: n('created'), updated: n('updated') };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	pageUser(locals, url);
	const campuses = await campusListPage(locals.db, { search: url.searchParams.get('q') ?? '', level: url.searchParams.get('level') ?? '', ...pageParams(url) });
	return { campuses, imported: importNotice(url) };
};

export const actions: Actions = {
	regenerate: async ({ request, locals }) => {
		const form = await request.formData();
		const campusId = Number(form.get('campusId'));
		if (!Number.isInteger(campusId) || campusId <= 0) return fail(400, { message: null });
		try {
			const code = await regenerateInviteCode(locals.db, locals.user!.id, campusId);
			return { regenerated: { campus: String(form.get('name') ?? ''), code } };
		} catch (err) {
			return failFromError(err, form);
		}
	}
};
