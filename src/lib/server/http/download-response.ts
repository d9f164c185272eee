import { Readable } from 'node:stream';
import { error, type RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { DomainError } from '../errors';
import { messageOf } from '../forms';
import { contentDisposition } from '../reports/download';
import { RenderBusyError } from '../workers/render-pool';
import { refusal } from './refusal';

export interface DownloadFile {
	filename: string;
	contentType: string;
	body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | Readable;
}

/**
 * A file download from a route: the file as an attachment, never cached by a
 * proxy. A rule that refuses it (DomainError) becomes the error page in the
 * user's language; all render workers busy becomes 503 with Retry-After and a
 * page saying when to try again (workers/render-pool.ts).
 */
export async function downloadResponse(event: RequestEvent, make: () => Promise<DownloadFile>): Promise<Response> {
	let file: DownloadFile;
	try {
		file = await make();
	} catch (err) {
		if (err instanceof RenderBusyError) {
			return refusal(event, 503, m.render_busy_title(), messageOf(err), { 'retry-after': String(err.retryAfterSeconds) });
		}
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
	const body = file.body instanceof Readable ? (Readable.toWeb(file.body) as unknown as ReadableStream<Uint8Array>) : file.body;
	return new Response(body, {
		headers: { 'content-type': file.contentType, 'content-disposition': contentDisposition(file.filename), 'cache-control': 'private, no-store' }
	});
}
