import type { Handle, RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { endpointRouteIds } from '../auth/route-ids';
import { logger } from '../log';
import { bodyLimitFor } from './body-limits';
import { refusal } from '../http/refusal';
import { DISCARD_MAX_BYTES, declaredLength, discardBody, hasFormContentType, withLimitedBody, withReadableFormErrors } from '../http/request-body';

/** A POST to a page is a form action; endpoints (+server.ts) read what they like. */
const isFormAction = (event: RequestEvent) => event.request.method === 'POST' && event.route.id !== null && !endpointRouteIds.has(event.route.id);

/**
 * Guards every request body before a route reads it (issue 13, points 1 and 4):
 * - over the route's limit by Content-Length: 413 at once, nothing buffered;
 * - without Content-Length (chunked): the body fails with 413 past the limit;
 * - a form action posted without a form content type: 400, not Kit's 415/500;
 * - a form that cannot be read (broken multipart): 400, see withReadableFormErrors.
 * Each is logged at info: it is the client's mistake, not the server's.
 */
export const requestBody: Handle = async ({ event, resolve }) => {
	const request = event.request;
	if (!request.body) return resolve(event);
	const context = { requestId: event.locals.requestId, route: event.route.id ?? '(none)' };
	const limit = bodyLimitFor(event.route.id);
	const declared = declaredLength(request);

	if (declared !== null && declared > limit) {
		logger.info('request body over the limit', { ...context, limit, declared });
		const tooMuchToDiscard = declared > DISCARD_MAX_BYTES;
		if (!tooMuchToDiscard) await discardBody(request.body);
		return refusal(event, 413, m.fe_too_large_title(), m.fe_too_large(), tooMuchToDiscard ? { connection: 'close' } : {});
	}
	if (isFormAction(event) && !hasFormContentType(request)) {
		logger.info('form action without a form body refused', { ...context, contentType: request.headers.get('content-type') });
		await discardBody(request.body);
		return refusal(event, 400, m.hb_malformed_title(), m.hb_malformed());
	}
	// adapter-node already stops a body at its declared length; a chunked one is counted here.
	event.request = withReadableFormErrors(declared === null ? withLimitedBody(request, limit) : request, context);
	return resolve(event);
};
