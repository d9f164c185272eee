import { building } from '$app/environment';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as m from '$lib/paraglide/messages';
import { decide, defersToLayout, loginUrl } from '$lib/server/auth/guards';
import { endpointRouteIds } from '$lib/server/auth/route-ids';
import { sessionCookieName, validateSessionToken } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { isProduction } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { startServer } from '$lib/server/startup';
import { logger } from '$lib/server/log';

export const init: ServerInit = async () => {
	if (building) return;
	await startServer();
};

const requestContext: Handle = async ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
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

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (isProduction()) response.headers.set('strict-transport-security', 'max-age=31536000');
	return response;
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName);
	if (token) {
		const valid = await validateSessionToken(await getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.id;
			// Re-set the cookie only when the session's expiry moved.
			if (valid.extended) event.cookies.set(sessionCookieName, token, sessionCookieOptions(valid.expiresAt));
		} else {
			event.cookies.delete(sessionCookieName, { path: '/' });
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

export const handle = sequence(requestContext, securityHeaders, i18n, session, guard);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	if (status === 404) return { message: m.error_not_found(), requestId };
	logger.error('unhandled error', {
		requestId,
		route: event.route.id ?? '(none)',
		status,
		error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
	});
	return { message: status >= 500 ? m.error_unexpected() : message, requestId };
};
