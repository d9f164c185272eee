import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { packingListView } from '$lib/server/kits/kit-pdf-view';
import { orHttpError } from '$lib/server/forms';
import { pdfResponse } from '$lib/server/pdf/document';
import { packingListPdf } from '$lib/server/pdf/kit-lists';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** One order's packing list as a PDF in the reader's language; access checked again by the service. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const view = await orHttpError(async () => packingListView(locals.db, locals.user!, Number(params.id), getLocale()));
	return pdfResponse(packingListPdf(view), `${view.labels.title} ${view.campusName}.pdf`);
};
