import { building, version } from '$app/environment';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as m from '$lib/paraglide/messages';
import { decide, defersToLayout, loginUrl } from '$lib/server/auth/guards';
import { isCrossSiteFormPost } from '$lib/server/auth/origin-check';
import { getLocale } from '$lib/paraglide/runtime';
import { endpointRouteIds } from '$lib/server/auth/route-ids';
import { sessionCookieName, validateSessionToken } from '$lib/server/auth/session';
import { clearSessionCookieOptions, sessionCookieOptions } from '$lib/server/auth/cookies';
import { isProduction } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { startServer } from '$lib/server/startup';
import { useReportCacheBuild } from '$lib/server/reports/report-cache';
import { logger } from '$lib/server/log';
import { requestBody } from '$lib/server/hooks/body-hook';
import { compression } from '$lib/server/hooks/compression';
import { unreadBody } from '$lib/server/http/unread-body-hook';
import { databaseDownError, databaseOutage, markIfDatabaseDown } from '$lib/server/http/db-outage';

export const init: ServerInit = async () => {
	if (building) return;
	await startServer();
	// The cached reports of ended editions belong to the build that drew them.
	await useReportCacheBuild(version);
};

const requestContext: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	event.locals.db = await getDb();
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.guard = 'allow';
	const started = performance.now();
	const response = await resolve(event);
	// The route id, never the path: paths can hold one-time tokens.
	logger.info('request', {
		requestId: event.locals.requestId,
		method: event.request.method,
		route: event.route.id ?? '(none)',
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

/**
 * Paraglide reads only the URL and headers, so it gets a copy without the body:
 * given the request itself it clones it, and the clone's unread twin would hold a
 * second copy of every body in memory while the route reads the first (a 100 MB
 * upload held whole, though it is streamed to disk).
 */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(new Request(event.request.url, { headers: event.request.headers }), ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale), preload })
	);

/**
 * Besides Kit's default (scripts and styles), the Latin subset of the app's font:
 * every page uses it, and found only once the stylesheet is parsed it arrived after
 * the first paint, so the text re-flowed in it and moved the page (a layout shift
 * of 0.74 on the coordinator's start page, Lighthouse). The other subsets load only
 * where a page has their characters.
 */
const preload = ({ type, path }: { type: 'font' | 'css' | 'js' | 'asset'; path: string }) =>
	type === 'js' || type === 'css' || (type === 'font' && path.includes('noto-sans-latin-wght-normal'));

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (isProduction()) response.headers.set('strict-transport-security', 'max-age=31536000');
	return response;
};

/** See origin-check.ts: our own CSRF check, answered in the user's language. */
const sameOrigin: Handle = async ({ event, resolve }) => {
	if (!isCrossSiteFormPost(event.request, event.url)) return resolve(event);
	logger.warn('cross-site form post refused', { requestId: event.locals.requestId, route: event.route.id ?? '(none)' });
	const message = m.fr_form_refused_text();
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// An ActionResult, so use:enhance hands the form a typed error with this status.
		return new Response(JSON.stringify({ type: 'error', error: { message } }), { status: 403, headers: { 'content-type': 'application/json' } });
	}
	if ((event.request.headers.get('accept') ?? '').includes('application/json')) {
		return new Response(JSON.stringify({ message }), { status: 403, headers: { 'content-type': 'application/json' } });
	}
	return new Response(refusedPage(message, event.url.pathname), { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function refusedPage(message: string, path: string): string {
	const title = escapeHtml(m.fr_form_refused_title());
	return `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(path)}">${escapeHtml(m.fr_form_refused_back())}</a></p></main></body></html>`;
}

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName);
	if (token) {
		const valid = await validateSessionToken(event.locals.db, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.id;
			// Re-set the cookie only when the session's expiry moved.
			if (valid.extended) event.cookies.set(sessionCookieName, token, sessionCookieOptions(valid.expiresAt));
		} else {
			event.cookies.delete(sessionCookieName, clearSessionCookieOptions());
		}
	}
	return resolve(event);
};

const guard: Handle = async ({ event, resolve }) => {
	const decision = decide(event.route.id, event.locals.user);
	event.locals.guard = decision;
	if (decision === 'allow' || defersToLayout(event.route.id, event.request.method)) return resolve(event);
	const isPageGet = event.request.method === 'GET' && !endpointRouteIds.has(event.route.id ?? '');
	if (decision === 'login' && isPageGet && !event.isDataRequest) redirect(303, loginUrl(event.url));
	return new Response(decision === 'login' ? 'Unauthorized' : 'Forbidden', {
		status: decision === 'login' ? 401 : 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};

// compression first, so it compresses the answer as every other step left it (their headers included).
// requestBody before anything that could read a body, after i18n so refusals speak the user's language.
// unreadBody around all that may answer without reading a body (see unread-body-hook.ts);
// databaseOutage after i18n (its 503 page speaks the user's language), before session (the first query).
export const handle = sequence(compression, requestContext, unreadBody, securityHeaders, i18n, databaseOutage, requestBody, sameOrigin, session, guard);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (status === 404) return { message: m.error_not_found(), requestId };
	// Unreachable database: logged as a warning, answered 503 by databaseOutage.
	if (markIfDatabaseDown(event, error)) return databaseDownError(event);
	logger.error('unhandled error', {
		requestId,
		route: event.route.id ?? '(none)',
		status,
		error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
	});
	return { message: status >= 500 ? m.error_unexpected() : message, requestId };
};
