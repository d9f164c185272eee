import { config, isProduction } from '../config';

/**
 * Cross-site form posts are refused here rather than by SvelteKit's built-in
 * check (switched off in svelte.config.js), for two reasons:
 * - Without ORIGIN, adapter-node takes every request to be `https://<Host>`, so
 *   Kit refused each form post from `http://localhost:3000`: the README's
 *   `npm start` gave a login that silently failed. Outside production the
 *   browser's Origin only has to name the host the request was sent to, whatever
 *   the protocol, which is as strong against another site as Kit's rule.
 * - The refusal is answered in the user's language, and for `use:enhance` posts
 *   as an ActionResult, so the form can say what happened.
 * In production ORIGIN is required and is the one accepted origin.
 */
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function isFormPost(request: Request): boolean {
	if (!unsafeMethods.has(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return formTypes.includes(type);
}

export function isCrossSiteFormPost(request: Request, url: URL): boolean {
	if (!isFormPost(request)) return false;
	const origin = request.headers.get('origin');
	if (!origin) return true;
	const configured = config().ORIGIN?.replace(/\/$/, '');
	if (configured && origin === configured) return false;
	// Start-up refuses production without ORIGIN, so there it is the only answer.
	if (isProduction()) return true;
	if (origin === url.origin) return false;
	let host: string;
	try {
		host = new URL(origin).host;
	} catch {
		return true;
	}
	return host !== request.headers.get('host');
}
