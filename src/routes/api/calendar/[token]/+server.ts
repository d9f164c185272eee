import * as m from '$lib/paraglide/messages';
import { downloadResponse } from '$lib/server/http/download-response';
import { feedCalendarDownload } from '$lib/server/workshops/calendar/calendar-ics';
import { resolveFeedToken } from '$lib/server/workshops/calendar/calendar-feed.service';
import type { RequestHandler } from './$types';

/**
 * A private calendar feed: the token in the address is the only credential (no
 * session; calendar apps have none). Every kind of wrong token gets the same 404,
 * so the answer tells nobody whether an address ever worked. The request log
 * records the route id, never the path with the token.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	// Many calendar apps want an address that ends in .ics.
	const token = params.token.replace(/\.ics$/, '');
	const db = locals.db;
	const feed = await resolveFeedToken(db, token);
	if (!feed) {
		return new Response(m.wsc_feed_not_found(), {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	return downloadResponse(event, async () => feedCalendarDownload(db, feed));
};
