import type { Handle } from '@sveltejs/kit';
import { Readable, Transform, pipeline } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { config } from '../config';

/**
 * Compresses the app's own answers (issue 16, point 9): SSR pages, __data.json,
 * form results, CSV/JSON/ICS downloads. `npm start` serves users directly, so
 * nothing else would; /_app files are compressed at build time instead
 * (svelte.config.js `precompress`, served by adapter-node's sirv, which never
 * reaches this hook). COMPRESSION=off leaves it to a proxy that compresses itself.
 *
 * Left as they are: bodies that are compressed already (PDF, XLSX, ZIP, images:
 * by content type), a byte-range resource (Accept-Ranges or Content-Range: the
 * ranges count bytes of the stored file), `Cache-Control: no-transform`, and
 * bodies under MIN_BYTES (a few bytes saved cost more than they save).
 *
 * A body that is whole at once (an SSR page, a JSON answer, a CSV built in
 * memory) is compressed in one go on libuv's thread pool, with a Content-Length.
 * A stream (a streamed page or __data.json, a CSV written row by row) is
 * compressed as it comes, and flushed whenever its source pauses, so what the
 * browser could already show is never held back waiting for the rest.
 */
export const MIN_BYTES = 1024;
/** Brotli 4 compresses a page better than gzip 6 and faster: the level for answers made per request. */
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 6;

export type Encoding = 'br' | 'gzip';

const compressible = /^(text\/(?!event-stream)|application\/(json|javascript|xml|manifest\+json|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;

/** The client's preferred coding among ours (RFC 9110 §12.5.3): brotli on a tie, none when both are refused. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [coding, ...params] = part.split(';').map((s) => s.trim());
		if (!coding) continue;
		const q = params.map((p) => /^q=([01](?:\.\d{0,3})?)$/.exec(p)).find(Boolean);
		weights.set(coding, q ? Number(q[1]) : 1);
	}
	const br = weights.get('br') ?? weights.get('*') ?? 0;
	const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
	if (br === 0 && gzip === 0) return null;
	return br >= gzip ? 'br' : 'gzip';
}

/** Whether this answer may be compressed at all, whoever asks (then it varies by Accept-Encoding). */
export function isCompressible(response: Response): boolean {
	const headers = response.headers;
	if (!response.body || [204, 206, 304].includes(response.status)) return false;
	if (headers.has('content-encoding') || headers.has('content-range')) return false;
	if ((headers.get('accept-ranges') ?? 'none').toLowerCase() !== 'none') return false;
	if (/\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return false;
	const length = headers.get('content-length');
	if (length !== null && Number(length) < MIN_BYTES) return false;
	return compressible.test(headers.get('content-type') ?? '');
}

export const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (config().COMPRESSION === 'off' || !isCompressible(response)) return response;
	const headers = new Headers(response.headers);
	addVary(headers);
	const encoding = chooseEncoding(event.request.headers.get('accept-encoding'));
	const init = (body: BodyInit | null) => new Response(body, { status: response.status, statusText: response.statusText, headers });
	if (!encoding) return init(response.body);

	const reader = response.body!.getReader();
	const first = await reader.read();
	if (first.done) return init(null);
	const next = reader.read();
	const settled = await Promise.race([next, new Promise<'pending'>((ok) => setImmediate(() => ok('pending')))]);

	if (settled !== 'pending' && settled.done) {
		const whole = first.value;
		if (whole.byteLength < MIN_BYTES) return init(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength));
		const packed = await compressWhole(whole, encoding);
		if (packed.byteLength >= whole.byteLength) return init(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength));
		markEncoded(headers, encoding);
		headers.set('content-length', String(packed.byteLength));
		// zlib's output is a plain (not shared) ArrayBuffer.
		return init(packed as Buffer<ArrayBuffer>);
	}
	markEncoded(headers, encoding);
	headers.delete('content-length');
	return init(compressStream(reader, first.value, next, encoding));
};

function addVary(headers: Headers): void {
	const vary = (headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
	if (!vary.includes('accept-encoding') && !vary.includes('*')) headers.append('vary', 'Accept-Encoding');
}

/**
 * Content-Encoding, and an ETag of its own: the compressed bytes are another
 * representation, so the uncompressed body's tag gets the coding as a suffix
 * (Kit's 304 check after the hooks then matches the tag the browser kept).
 */
function markEncoded(headers: Headers, encoding: Encoding): void {
	headers.set('content-encoding', encoding);
	const etag = headers.get('etag');
	if (etag) headers.set('etag', etag.replace(/"$/, `-${encoding}"`));
}

const brotliOptions = (sizeHint?: number): zlib.BrotliOptions => ({
	params: {
		[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
		[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
		...(sizeHint ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {})
	}
});
const brotli = promisify<zlib.InputType, zlib.BrotliOptions, Buffer>(zlib.brotliCompress);
const gzip = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.gzip);

function compressWhole(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
	return encoding === 'br' ? brotli(body, brotliOptions(body.byteLength)) : gzip(body, { level: GZIP_LEVEL });
}

/**
 * The rest of a streamed body through brotli or gzip. Chunks that arrive together
 * are compressed together; when no further chunk is ready by the next turn of the
 * event loop, what was compressed so far is flushed to the browser. Cancelling the
 * answer (the browser went away) cancels the source, so a CSV export stops reading.
 */
function compressStream(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	first: Uint8Array,
	next: Promise<ReadableStreamReadResult<Uint8Array>>,
	encoding: Encoding
) {
	const zip = encoding === 'br' ? zlib.createBrotliCompress(brotliOptions()) : zlib.createGzip({ level: GZIP_LEVEL });
	const flushKind = encoding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
	async function* chunks() {
		yield first;
		for (let read = await next; !read.done; read = await reader.read()) yield read.value;
	}
	let idle: NodeJS.Immediate | undefined;
	const flushWhenIdle = new Transform({
		transform(chunk, _encoding, done) {
			clearImmediate(idle);
			idle = setImmediate(() => {
				if (!zip.destroyed && !zip.writableEnded) zip.flush(flushKind);
			});
			done(null, chunk);
		},
		flush(done) {
			clearImmediate(idle);
			done();
		}
	});
	pipeline(Readable.from(chunks(), { objectMode: false }), flushWhenIdle, zip, (err) => {
		clearImmediate(idle);
		if (err) reader.cancel(err).catch(() => {});
	});
	return Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>;
}
