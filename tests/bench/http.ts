import type { BenchServer } from './server';

/**
 * What a browser sends with a form post without JavaScript: its origin (Kit's
 * CSRF check) and that it accepts HTML (otherwise Kit answers as to `use:enhance`,
 * with JSON and status 200 instead of the 303).
 */
export const formPostHeaders = (origin: string) => ({ origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' });

/** What a browser sends with a page request. */
export const pageHeaders = (cookie?: string) => ({ accept: 'text/html', ...(cookie ? { cookie } : {}) });

/**
 * A logged-in user as the browser is one: the real login form posted to the
 * login action, the session cookie it sets kept and sent back.
 */
export async function logIn(origin: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...formPostHeaders(origin) },
		body: new URLSearchParams({ email, password })
	});
	const body = await res.text();
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || cookies.length === 0) {
		const notice = /class="[^"]*(?:notice|error)[^"]*"[^>]*>([^<]+)/.exec(body)?.[1]?.trim();
		throw new Error(`login of ${email} failed: HTTP ${res.status}${notice ? `: ${notice}` : ''}`);
	}
	return cookies.join('; ');
}

/** One GET that must answer 200 (a redirect to /login means the session was not taken). */
export async function getPage(origin: string, path: string, cookie?: string): Promise<{ bytes: number; ms: number }> {
	const started = performance.now();
	const res = await fetch(`${origin}${path}`, { redirect: 'manual', headers: pageHeaders(cookie) });
	const body = await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}, not 200`);
	return { bytes: body.byteLength, ms: performance.now() - started };
}

export interface Download {
	ms: number;
	bytes: number;
	/** PDF pages seen in the stream (pdfkit writes each page's dictionary as it goes). */
	pages: number;
	rssBeforeMb: number;
	rssPeakMb: number;
	stoppedEarly: boolean;
}

const pageMarker = /\/Type \/Page\b(?!s)/g;

/**
 * Downloads a file as a user would, to the last byte, while sampling the
 * server's RSS every 20 ms. Stops early after `maxPages` PDF pages (the bulk
 * certificate PDF of a whole Flanders edition is long).
 */
export async function download(server: BenchServer, path: string, cookie: string, opts: { maxPages?: number } = {}): Promise<Download> {
	const rssBeforeMb = server.rssMb();
	let rssPeakMb = rssBeforeMb;
	const sampler = setInterval(() => {
		try {
			rssPeakMb = Math.max(rssPeakMb, server.rssMb());
		} catch {
			/* the server is gone: the download fails on its own */
		}
	}, 20);
	const abort = new AbortController();
	const started = performance.now();
	let bytes = 0;
	let pages = 0;
	let tail = '';
	let stoppedEarly = false;
	try {
		const res = await fetch(`${server.origin}${path}`, { headers: { cookie }, redirect: 'manual', signal: abort.signal });
		if (res.status !== 200 || !res.body) throw new Error(`GET ${path} answered ${res.status}, not 200`);
		const reader = res.body.getReader();
		for (let r = await reader.read(); !r.done; r = await reader.read()) {
			bytes += r.value.byteLength;
			if (opts.maxPages) {
				// latin1 keeps one character per byte; the tail catches a marker split between chunks.
				const text = tail + Buffer.from(r.value).toString('latin1');
				pages += (text.match(pageMarker) ?? []).length - (tail.match(pageMarker) ?? []).length;
				tail = text.slice(-16);
				if (pages >= opts.maxPages) {
					stoppedEarly = true;
					abort.abort();
					break;
				}
			}
		}
	} finally {
		clearInterval(sampler);
	}
	return { ms: performance.now() - started, bytes, pages, rssBeforeMb, rssPeakMb: Math.max(rssPeakMb, server.rssMb()), stoppedEarly };
}
