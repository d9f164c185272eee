import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { auditCsvDownload } from '$lib/server/audit/audit-export';
import { downloadResponse } from '$lib/server/http/download-response';
import { parseAuditFilter } from '$lib/schemas/audit-filter';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The audit view as CSV, with the page's filters from the query string, streamed in chunks. */
export const GET: RequestHandler = async (event) => {
	const { locals, url, request } = event;
	if (!locals.user) error(401, m.error_forbidden());
	return downloadResponse(event, async () => auditCsvDownload(locals.db, locals.user!, parseAuditFilter(url.searchParams), getLocale(), request.signal));
};
