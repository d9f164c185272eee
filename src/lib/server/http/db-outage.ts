import type { Handle, RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { config } from '../config';
import { isDatabaseUnavailable } from '../db/unavailable';
import { newWriteTracker, trackWrites, writeOutcome, type WriteOutcome, type WriteTracker } from '../db/write-outcome';
import { logger } from '../log';
import { refusal } from './refusal';

/**
 * While the database cannot be reached, pages and actions answer 503 with a
 * Retry-After and say the service is briefly unavailable (issue 13, point 8),
 * instead of Kit's generic 500. Two paths lead here:
 * - a load, action or endpoint failed: Kit calls handleError (which calls
 *   databaseDownError and marks the request) and renders +error.svelte with 500;
 *   this hook turns that answer into a 503;
 * - a hook after this one failed (the session lookup, on every signed-in request):
 *   no page was rendered, this hook answers itself.
 * A post also says what became of its change (x-db-outcome, write-outcome.ts).
 */
export const databaseOutage: Handle = async ({ event, resolve }) => {
	let response: Response;
	const tracker = newWriteTracker();
	try {
		response = await trackWrites(tracker, () => resolve(event));
	} catch (err) {
		if (!isDatabaseUnavailable(err)) throw err;
		logUnavailable(event, err, tracker);
		const body = databaseDownError(event, tracker);
		const headers = outageHeaders(event, body.outcome);
		if (event.isDataRequest) {
			return new Response(JSON.stringify(body), { status: 503, headers: { ...headers, 'content-type': 'application/json' } });
		}
		return refusal(event, 503, m.db_down_title(), body.message, headers);
	}
	if (!event.locals.dbDown || response.status !== 500) return response;
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(outageHeaders(event, writeOutcome(tracker)))) headers.set(name, value);
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
};

const isWrite = (event: RequestEvent) => !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method);

function outageHeaders(event: RequestEvent, outcome: WriteOutcome | undefined): Record<string, string> {
	const headers: Record<string, string> = { 'retry-after': String(config().DB_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	if (outcome && isWrite(event)) headers['x-db-outcome'] = outcome;
	return headers;
}

/** The App.Error of a request that failed because the database is unreachable. */
export function databaseDownError(event: RequestEvent, tracker?: WriteTracker): App.Error {
	const requestId = event.locals.requestId;
	if (!isWrite(event)) return { message: m.db_down_text(), requestId, dbDown: true };
	const outcome = writeOutcome(tracker);
	const what = outcome === 'saved' ? m.db_down_saved() : outcome === 'unknown' ? m.db_down_unknown() : m.db_down_nothing();
	return { message: `${m.db_down_text()} ${what}`, requestId, dbDown: true, outcome };
}

/** For handleError: true (and the request marked for a 503) when the database is unreachable. */
export function markIfDatabaseDown(event: RequestEvent, error: unknown): boolean {
	if (!isDatabaseUnavailable(error)) return false;
	event.locals.dbDown = true;
	logUnavailable(event, error);
	return true;
}

/** A warning without a stack: the cause is outside the app, the stack says nothing. */
function logUnavailable(event: RequestEvent, err: unknown, tracker?: WriteTracker) {
	const e = err as { code?: string; message?: string };
	logger.warn('database unavailable', {
		requestId: event.locals.requestId,
		route: event.route.id ?? '(none)',
		method: event.request.method,
		code: e?.code,
		error: e?.message,
		outcome: isWrite(event) ? writeOutcome(tracker) : undefined
	});
}
