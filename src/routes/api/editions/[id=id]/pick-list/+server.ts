import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { pickListView } from '$lib/server/kits/kit-pdf-view';
import { orHttpError } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import { pickListPdf } from '$lib/server/pdf/pick-list-pdf';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** All approved orders of an edition by campus, streamed page by page; stops when the browser goes away. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const view = await orHttpError(async () => pickListView(locals.db, locals.user!, Number(params.id), getLocale()));
	return pdfResponse(pickListPdf(view.header, view.sections, request.signal), `${view.header.labels.title} ${view.editionName}.pdf`);
};
