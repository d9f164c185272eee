import { error } from '@sveltejs/kit';
import { clock } from '$lib/server/db/time';
import { orHttpError } from '$lib/server/forms';
import { exportMyData } from '$lib/server/privacy/my-data.service';
import { contentDisposition } from '$lib/server/reports/download';
import { brusselsDateOf } from '$lib/time/brussels';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The signed-in person's own data as one JSON file (right of access, GDPR art. 15). */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, m.error_forbidden());
	const data = await orHttpError(async () => exportMyData(locals.db, locals.user!.id));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition(`my-data-${brusselsDateOf(clock.now())}.json`),
			'cache-control': 'no-store'
		}
	});
};
