import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { resetConfigForTests } from '../../src/lib/server/config';
import { chooseEncoding, compression } from '../../src/lib/server/hooks/compression';
import { fileResponse } from '../../src/lib/server/http/file-response';

/**
 * The app's own answers reach the browser compressed when it accepts brotli or
 * gzip, and come out exactly as they went in; what must not be compressed (PDFs,
 * ZIPs, byte ranges, tiny bodies) is passed on untouched.
 */
const page = '<!doctype html><html lang="nl"><body>' + '<tr><td>Klas 1A</td><td>Campus Centrum</td><td>ingeschreven</td></tr>'.repeat(200) + '</body></html>';

function event(acceptEncoding?: string, extra: Record<string, string> = {}) {
	const headers = new Headers(extra);
	if (acceptEncoding !== undefined) headers.set('accept-encoding', acceptEncoding);
	return { request: new Request('http://localhost/teacher', { headers }) } as RequestEvent;
}

const answer = (response: Response, acceptEncoding?: string, extra?: Record<string, string>) =>
	compression({ event: event(acceptEncoding, extra), resolve: async () => response });

const decode = async (response: Response) => {
	const bytes = Buffer.from(await response.arrayBuffer());
	const encoding = response.headers.get('content-encoding');
	if (encoding === 'br') return promisify(zlib.brotliDecompress)(bytes).then(String);
	if (encoding === 'gzip') return promisify(zlib.gunzip)(bytes).then(String);
	return bytes.toString();
};

const html = (body: BodyInit = page, headers: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('choosing the coding from Accept-Encoding', () => {
	it("takes brotli when offered, gzip otherwise, and respects a refusal (q=0) and the client's preference", () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip, deflate')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*;q=0')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});
});

describe('compressing the answers', () => {
	afterEach(() => {
		delete process.env.COMPRESSION;
		resetConfigForTests();
	});

	it('sends a page brotli-compressed that decompresses to the same page, with Vary and its length', async () => {
		const response = await answer(html(page, { 'set-cookie': 'session=abc; Path=/; HttpOnly' }), 'gzip, deflate, br');
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(response.headers.getSetCookie()).toEqual(['session=abc; Path=/; HttpOnly']);
		const length = Number(response.headers.get('content-length'));
		expect(length).toBeLessThan(page.length / 5);
		expect(await decode(response)).toBe(page);
	});

	it('sends gzip to a client that takes only gzip, and nothing compressed to one that takes neither', async () => {
		const gzipped = await answer(html(), 'gzip');
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');
		expect(await decode(gzipped)).toBe(page);

		const plain = await answer(html());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(page);
	});

	it('adds Accept-Encoding to a Vary the route set, and keeps the ETag apart per coding', async () => {
		const response = await answer(html(page, { vary: 'Accept', etag: '"v1"' }), 'br');
		expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
		expect(response.headers.get('etag')).toBe('"v1-br"');
	});

	it('compresses a CSV download streamed in many chunks, to the same bytes', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => `"Klas ${i}";"Campus Centrum";${i % 30}\r\n`);
		const stream = new ReadableStream<Uint8Array>({
			async pull(controller) {
				const row = rows.shift();
				if (row === undefined) return controller.close();
				// Every hundred rows the source waits, as a database cursor does.
				if (rows.length % 100 === 0) await new Promise((ok) => setTimeout(ok, 1));
				controller.enqueue(new TextEncoder().encode(row));
			}
		});
		const expected = Array.from({ length: 2000 }, (_, i) => `"Klas ${i}";"Campus Centrum";${i % 30}\r\n`).join('');
		const response = await answer(
			new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment' } }),
			'gzip'
		);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('content-disposition')).toBe('attachment');
		expect(await decode(response)).toBe(expected);
	});

	it('delivers what a streamed page has so far before the rest is ready', async () => {
		let release!: () => void;
		const later = new Promise<void>((ok) => (release = ok));
		const encoder = new TextEncoder();
		const stream = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(encoder.encode('<p>at once</p>'.repeat(100)));
				await later;
				controller.enqueue(encoder.encode('<p>later</p>'));
				controller.close();
			}
		});
		const response = await answer(html(stream), 'br');
		const reader = response.body!.getReader();
		const decoder = zlib.createBrotliDecompress();
		const seen: string[] = [];
		decoder.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
		const firstPart = await reader.read();
		decoder.write(firstPart.value);
		await expect.poll(() => seen.join('')).toBe('<p>at once</p>'.repeat(100));
		release();
		for (let read = await reader.read(); !read.done; read = await reader.read()) decoder.write(read.value);
		decoder.end();
		await new Promise((ok) => decoder.on('end', ok));
		expect(seen.join('')).toBe('<p>at once</p>'.repeat(100) + '<p>later</p>');
	});

	it('leaves small bodies, PDFs, ZIPs and images as they are', async () => {
		const small = await answer(new Response('{"type":"success","status":204}', { headers: { 'content-type': 'application/json' } }), 'br');
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(await small.text()).toBe('{"type":"success","status":204}');

		for (const type of ['application/pdf', 'application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png']) {
			const bytes = new Uint8Array(Buffer.from(page));
			const response = await answer(new Response(Buffer.from(bytes), { headers: { 'content-type': type } }), 'gzip, br');
			expect(response.headers.get('content-encoding'), type).toBeNull();
			expect(response.headers.get('vary'), type).toBeNull();
			expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes)), type).toBe(true);
		}
	});

	it('leaves what says no-transform or is already encoded alone', async () => {
		const noTransform = await answer(html(page, { 'cache-control': 'no-transform' }), 'br');
		expect(noTransform.headers.get('content-encoding')).toBeNull();
		const encoded = await answer(html(page, { 'content-encoding': 'gzip' }), 'br');
		expect(encoded.headers.get('content-encoding')).toBe('gzip');
		expect(await encoded.text()).toBe(page);
	});

	it('serves byte ranges of a stored text file as before: the ranges count its own bytes', async () => {
		const text = Buffer.from(page);
		const store = {
			async openRead(_sha: string, range?: { start: number; end: number }) {
				const { Readable } = await import('node:stream');
				return Readable.from([range ? text.subarray(range.start, range.end + 1) : text]);
			}
		};
		const file = { sha256: 'f00d', size: text.length, contentType: 'text/plain; charset=utf-8', fileName: 'lesmap.txt' };
		const request = (range?: string) => new Request('http://localhost/api/materials/1/file', { headers: range ? { range } : {} });

		const partial = await compression({
			event: event('gzip, br', { range: 'bytes=10-19' }),
			resolve: () => fileResponse(store, request('bytes=10-19'), file)
		});
		expect(partial.status).toBe(206);
		expect(partial.headers.get('content-encoding')).toBeNull();
		expect(partial.headers.get('content-range')).toBe(`bytes 10-19/${text.length}`);
		expect(await partial.text()).toBe(page.slice(10, 20));

		const whole = await compression({ event: event('gzip, br'), resolve: () => fileResponse(store, request(), file) });
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-encoding')).toBeNull();
		expect(whole.headers.get('etag')).toBe('"f00d"');
		expect(whole.headers.get('content-length')).toBe(String(text.length));
		expect(await whole.text()).toBe(page);
	});

	it('compresses nothing with COMPRESSION=off (a proxy in front compresses)', async () => {
		process.env.COMPRESSION = 'off';
		resetConfigForTests();
		const response = await answer(html(), 'gzip, br');
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(response.headers.get('vary')).toBeNull();
		expect(await response.text()).toBe(page);
	});
});
