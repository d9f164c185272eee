import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { auditCsv, textStream } from '$lib/server/audit/audit-export';
import { clock } from '$lib/server/db/time';
import { orHttpError } from '$lib/server/forms';
import { csvContentType } from '$lib/server/reports/csv';
import { contentDisposition } from '$lib/server/reports/download';
import { parseAuditFilter } from '$lib/schemas/audit-filter';
import { brusselsDateOf } from '$lib/time/brussels';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The audit view as CSV, with the page's filters from the query string, streamed in chunks. */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const chunks = orHttpError(async () => auditCsv(locals.db, locals.user!, parseAuditFilter(url.searchParams), getLocale(), request.signal));
	return new Response(textStream(await chunks), {
		headers: {
			'content-type': csvContentType,
			'content-disposition': contentDisposition(`audit-${brusselsDateOf(clock.now())}.csv`),
			'cache-control': 'no-store'
		}
	});
};
