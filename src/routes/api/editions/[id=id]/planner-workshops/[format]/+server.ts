import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadResponse } from '$lib/server/http/download-response';
import { plannerExport } from '$lib/server/workshops/trainers/planner-figures.service';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** A planner's own organisation's workshops of the edition, as CSV or XLSX (the service checks the planner and the organisation). */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	if (!locals.user) error(401, m.error_forbidden());
	const format = params.format;
	if (format !== 'csv' && format !== 'xlsx') error(404, m.error_not_found());
	return downloadResponse(event, async () => plannerExport(locals.db, locals.user!, Number(params.id), format, getLocale()));
};
