import { redirect } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { DomainError } from '../errors';
import { messageOf } from '../http/forms';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for a refused upload (413): the message in the user's language and a way back. */
export function uploadRefusedPage(err: DomainError, back: string): Response {
	const text = messageOf(err);
	const body = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(m.matui_too_large_title())}</title></head><body><h1>${escapeHtml(m.matui_too_large_title())}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(m.matui_back())}</a></p></body></html>`;
	return new Response(body, { status: err.status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' } });
}

/** Back to a form page with the message key (and its parameters) in the query string. */
export function redirectWithError(back: string, messageKey: string, params: Record<string, string | number> = {}): never {
	const query = new URLSearchParams({ error: messageKey });
	for (const [k, v] of Object.entries(params)) query.set(k, String(v));
	redirect(303, `${back}?${query}`);
}

/** What an upload endpoint answers for a DomainError: 413 as a page, anything else back to the form. */
export function answerUploadError(err: unknown, back: string): Response {
	if (!(err instanceof DomainError)) throw err;
	if (err.status === 413) return uploadRefusedPage(err, back);
	redirectWithError(back, err.messageKey, err.params ?? {});
}

/** The message for ?error=<key> on a page, in the user's language; only material keys. */
export function errorFromQuery(url: URL): string | null {
	const key = url.searchParams.get('error');
	if (!key || !/^(mat_|error_form$)/.test(key)) return null;
	const fn = (m as unknown as Record<string, ((p?: object) => string) | undefined>)[key];
	if (!fn) return null;
	const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'error'));
	return fn(params);
}

/**
 * Runs an upload endpoint's work, which ends in a redirect (Kit's throw passes
 * through); a DomainError on the way is answered as answerUploadError does.
 */
export async function orUploadError(back: string, run: () => Promise<never>): Promise<Response> {
	try {
		return await run();
	} catch (err) {
		return answerUploadError(err, back);
	}
}
