import type { RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';

// The app's stylesheet belongs to the rendered pages; this page carries its own few rules (as src/error.html does).
const style =
	'body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f1a24;line-height:1.5}h1{color:#5a2378;font-size:1.5rem}a{color:#5a2378}';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal answered from the `handle` hook, before any route runs (an error()
 * thrown there would render the static English-only src/error.html). In the
 * shape the client expects: an ActionResult for a `use:enhance` post (the form
 * then says what happened, see lib/forms/form-problem.ts), JSON for a JSON
 * client, otherwise a small page in the user's language with a way back (by
 * default the same address: try again; a download that cannot succeed passes
 * the page it came from).
 */
export function refusal(
	event: RequestEvent,
	status: number,
	title: string,
	text: string,
	headers: Record<string, string> = {},
	back = event.url.pathname + event.url.search
): Response {
	const request = event.request;
	const common = { 'cache-control': 'no-store', ...headers };
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'error', error: { message: text } }), { status, headers: { 'content-type': 'application/json', ...common } });
	}
	if ((request.headers.get('accept') ?? '').includes('application/json')) {
		return new Response(JSON.stringify({ message: text }), { status, headers: { 'content-type': 'application/json', ...common } });
	}
	const page = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(m.app_name())}</title><style>${style}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(m.hb_back())}</a></p></main></body></html>`;
	return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...common } });
}
