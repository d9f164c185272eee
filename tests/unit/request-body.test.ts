import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestBody } from '../../src/lib/server/hooks/body-hook';
import { DEFAULT_BODY_LIMIT_BYTES, bodyLimitFor, fileRouteIds } from '../../src/lib/server/hooks/body-limits';
import { limitBody } from '../../src/lib/server/http/request-body';

const MB = 1024 * 1024;

/** A body of `size` bytes in 64 KB pieces, counting how much of it was pulled. */
function source(size: number, prefix = 'a=') {
	const stats = { pulled: 0 };
	let left = size;
	const stream = new ReadableStream<Uint8Array>({
		start(c) {
			c.enqueue(new TextEncoder().encode(prefix));
		},
		pull(c) {
			if (left <= 0) return c.close();
			const n = Math.min(64 * 1024, left);
			left -= n;
			stats.pulled += n;
			c.enqueue(new Uint8Array(n).fill(0x61));
		}
	});
	return { stream, stats };
}

function eventFor(
	routeId: string | null,
	init: { body: ReadableStream<Uint8Array> | string; type: string; length?: number; headers?: Record<string, string> }
) {
	const headers: Record<string, string> = { 'content-type': init.type, ...init.headers };
	if (init.length !== undefined) headers['content-length'] = String(init.length);
	const request = new Request('http://app.test/form', { method: 'POST', headers, body: init.body, duplex: 'half' } as RequestInit);
	return { request, route: { id: routeId }, url: new URL('http://app.test/form'), locals: { requestId: 'r-1' } } as unknown as RequestEvent;
}

/** Runs the hook; `resolve` reads the form the way an action does and reports what it got. */
async function run(event: RequestEvent) {
	let reached = false;
	let thrown: unknown = null;
	const response = await requestBody({
		event,
		resolve: async (e) => {
			reached = true;
			try {
				await e.request.formData();
			} catch (err) {
				thrown = err;
			}
			return new Response('ok');
		}
	});
	return { response, reached, thrown };
}

function logLines() {
	process.env.LOG_IN_TESTS = '1';
	const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
	return () => write.mock.calls.map((c) => JSON.parse(String(c[0])) as { level: string; msg: string });
}

afterEach(() => {
	delete process.env.LOG_IN_TESTS;
	vi.restoreAllMocks();
});

describe('request body limits (issue 13, point 1)', () => {
	it('keeps 1 MB for ordinary routes and more only for the routes that receive a file', () => {
		expect(DEFAULT_BODY_LIMIT_BYTES).toBe(MB);
		expect(bodyLimitFor('/login')).toBe(MB);
		expect(bodyLimitFor(null)).toBe(MB);
		expect(bodyLimitFor('/api/materials/upload')).toBeGreaterThan(100 * MB);
		expect(bodyLimitFor('/(app)/coordinator/settings')).toBe(3 * MB);
	});

	it('lists every page whose form sends a file (a new one would get 413 for files over 1 MB)', () => {
		const routes = path.resolve('src/routes');
		const pages: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (entry.name === '+page.svelte' && /type="file"/.test(readFileSync(full, 'utf8'))) pages.push(full);
			}
		};
		walk(routes);
		expect(pages.length).toBeGreaterThan(3);
		for (const page of pages) {
			const source = readFileSync(page, 'utf8');
			const routeId = '/' + path.relative(routes, path.dirname(page)).split(path.sep).join('/');
			// A file form posts either to its own page's action or to an upload endpoint.
			const endpoint = /action="(\/api\/materials\/[^"?]+)/.exec(source)?.[1]?.replace(/\/\{[^}]+\}\//, '/[id=id]/');
			expect(fileRouteIds, routeId).toContain(endpoint ?? routeId);
		}
	});

	it('answers 413 by Content-Length before reading anything, logged at info', async () => {
		const lines = logLines();
		const body = source(2 * MB);
		const { response, reached } = await run(eventFor('/login', { body: body.stream, type: 'application/x-www-form-urlencoded', length: 2 * MB + 2 }));
		expect(reached).toBe(false);
		expect(response.status).toBe(413);
		expect(await response.text()).toContain('Wat je verstuurt is te groot.');
		expect(lines().map((l) => l.level)).toEqual(['info']);
	});

	it('lets a route that receives a file take more than 1 MB', async () => {
		const body = source(2 * MB);
		const { reached, thrown } = await run(
			eventFor('/(app)/coordinator/settings', { body: body.stream, type: 'application/x-www-form-urlencoded', length: 2 * MB + 2 })
		);
		expect(reached).toBe(true);
		expect(thrown).toBeNull();
	});

	it('cuts a chunked body off at the limit: the action gets a 413, never the bytes past it', async () => {
		const body = source(3 * MB);
		const { reached, thrown } = await run(eventFor('/login', { body: body.stream, type: 'application/x-www-form-urlencoded' }));
		expect(reached).toBe(true);
		expect(isHttpError(thrown) && thrown.status).toBe(413);
	});

	it('stops reading a chunked body altogether past the discard maximum', async () => {
		const body = source(64 * MB);
		const limited = limitBody(body.stream, MB);
		await expect(new Response(limited).arrayBuffer()).rejects.toMatchObject({ status: 413 });
		expect(body.stats.pulled).toBeLessThan(20 * MB);
	});
});

describe('malformed requests (issue 13, point 4)', () => {
	it('answers JSON or text posted to a form action with 400 and a message, logged at info', async () => {
		const lines = logLines();
		for (const type of ['application/json', 'text/plain']) {
			const { response, reached } = await run(eventFor('/login', { body: '{"email":"a"}', type, length: 13 }));
			expect(reached).toBe(false);
			expect(response.status).toBe(400);
			expect(await response.text()).toContain('geen leesbaar formulier');
		}
		expect(lines().every((l) => l.level === 'info')).toBe(true);
	});

	it('answers an enhanced form with an ActionResult it can show', async () => {
		const { response } = await run(
			eventFor('/login', { body: '{}', type: 'application/json', length: 2, headers: { 'x-sveltekit-action': 'true', accept: 'application/json' } })
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ type: 'error', error: { message: expect.stringContaining('geen leesbaar formulier') } });
	});

	it('leaves endpoints their own content types', async () => {
		const { reached } = await run(eventFor('/health', { body: '{}', type: 'application/json', length: 2 }));
		expect(reached).toBe(true);
	});

	it('turns a broken multipart body into a 400 with a message, not a TypeError', async () => {
		const lines = logLines();
		const broken = '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf';
		const { thrown } = await run(eventFor('/login', { body: broken, type: 'multipart/form-data; boundary=xyz', length: broken.length }));
		expect(isHttpError(thrown) && thrown.status).toBe(400);
		expect(isHttpError(thrown) && thrown.body.message).toContain('geen leesbaar formulier');
		expect(lines().map((l) => l.level)).toEqual(['info']);
	});
});
