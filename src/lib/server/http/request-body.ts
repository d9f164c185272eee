import { error } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { logger } from '../log';

/**
 * A refused body is read and thrown away up to this many bytes before the 413 is
 * sent: a browser that is still uploading shows "connection reset" instead of
 * the answer when the server stops reading. Past it the connection is closed:
 * nobody sends that much to a form by mistake, and reading it would only keep
 * the connection busy for whoever sends it.
 */
export const DISCARD_MAX_BYTES = 16 * 1024 * 1024;

/** A body over its route's limit; mapped to 413 wherever it surfaces. */
export class BodyTooLargeError extends Error {
	readonly status = 413;
	constructor(readonly limit: number) {
		super(`request body over the route's limit of ${limit} bytes`);
		this.name = 'BodyTooLargeError';
	}
}

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Whether the request says it carries a form that request.formData() can read. */
export function hasFormContentType(request: Request): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return formTypes.has(type);
}

/** The Content-Length the client declared, or null (chunked, or none). */
export function declaredLength(request: Request): number | null {
	const header = request.headers.get('content-length');
	if (header === null || !/^\d+$/.test(header.trim())) return null;
	return Number(header);
}

/**
 * Reads a body to its end and forgets it, up to DISCARD_MAX_BYTES; then gives
 * up and cancels it (adapter-node then closes the connection). Never throws.
 */
export async function discardBody(body: ReadableStream<Uint8Array> | null, alreadyRead = 0): Promise<void> {
	if (!body) return;
	const reader = body.getReader();
	let read = alreadyRead;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			read += value.byteLength;
			if (read > DISCARD_MAX_BYTES) {
				await reader.cancel();
				return;
			}
		}
	} catch {
		// The client went away: nothing left to discard.
	}
}

/**
 * The body, counted: past `limit` bytes the stream fails with BodyTooLargeError,
 * after reading and forgetting the rest (see DISCARD_MAX_BYTES) so the client can
 * read the 413. Nothing over the limit is ever handed on, so a chunked body
 * without Content-Length cannot fill the memory either.
 */
export function limitBody(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
	const reader = body.getReader();
	let read = 0;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) return controller.close();
			read += value.byteLength;
			if (read <= limit) return controller.enqueue(value);
			reader.releaseLock();
			await discardBody(body, read);
			controller.error(new BodyTooLargeError(limit));
		},
		cancel(reason) {
			return reader.cancel(reason);
		}
	});
}

/** The same request with its body passed through limitBody. */
export function withLimitedBody(request: Request, limit: number): Request {
	if (!request.body) return request;
	return new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body: limitBody(request.body, limit),
		signal: request.signal,
		// Required by Node's fetch for a streamed body.
		duplex: 'half'
	} as RequestInit);
}

/**
 * Makes `request.formData()` throw Kit's HTTP errors instead of a TypeError (a
 * 500 with a stack in the log): 413 for a body over the limit, 400 with a
 * message in the user's language for anything it cannot read (a broken
 * multipart body, JSON or text posted to a form). Every action and endpoint
 * reads its form this way, so this one place covers them all.
 */
export function withReadableFormErrors(request: Request, context: { requestId: string; route: string }): Request {
	const read = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		configurable: true,
		value: async () => {
			try {
				return await read();
			} catch (err) {
				if (err instanceof BodyTooLargeError) {
					logger.info('request body over the limit', { ...context, limit: err.limit });
					error(413, m.fe_too_large());
				}
				logger.info('unreadable form refused', { ...context, reason: err instanceof Error ? err.message : String(err) });
				error(400, m.hb_malformed());
			}
		}
	});
	return request;
}
