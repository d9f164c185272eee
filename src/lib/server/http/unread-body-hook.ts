import type { Handle } from '@sveltejs/kit';
import { discardBody } from './request-body';

/**
 * A response sent before its request's body was read (401 or 403 from the
 * guards, a refused cross-site post) leaves the rest of that body unread on the
 * connection: adapter-node pauses the request once its buffer is full and nobody
 * resumes it, so the next request on that kept-alive connection is never
 * answered. Behind nginx, whose upstream connections are kept alive, that next
 * request is another user's: it hung 5 s and got a 502 (seen in
 * tests/procs/two-processes.test.ts). So the rest is read and forgotten in the
 * background, as Node itself does for a request nobody listened to; past
 * DISCARD_MAX_BYTES discardBody gives up and the connection is closed instead.
 */
export const unreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const request = event.request;
	if (request.body && !request.bodyUsed) void discardBody(request.body);
	return response;
};
