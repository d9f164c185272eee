import { Readable } from 'node:stream';
import { error, type RequestEvent } from '@sveltejs/kit';
import * as m from '../../paraglide/messages';
import { BusyError, DomainError } from '../errors';
import { isStoredBody, type Download } from './download';
import { contentDisposition } from './download-names';
import { fileResponse } from './file-response';
import { messageOf } from './forms';
import { refusal } from './refusal';

/**
 * Every file download from a route (PDF, CSV, XLSX, ZIP, ICS, JSON, material
 * files): the service's Download as the HTTP answer. A rule that refuses it
 * (DomainError) becomes the error page in the user's language; all render
 * workers busy (a BusyError) becomes 503 with Retry-After and a page saying when
 * to try again (workers/render-pool.ts). A stored file is served with byte
 * ranges (file-response.ts); anything else as an attachment (or inline), by
 * default never cached by a proxy.
 */
export async function downloadResponse(event: RequestEvent, make: () => Promise<Download>): Promise<Response> {
	let file: Download;
	try {
		file = await make();
	} catch (err) {
		if (err instanceof BusyError) {
			return refusal(event, 503, m.render_busy_title(), messageOf(err), { 'retry-after': String(err.retryAfterSeconds) });
		}
		if (err instanceof DomainError) error(err.status, messageOf(err));
		throw err;
	}
	const { body } = file;
	if (isStoredBody(body))
		return fileResponse(body.store, event.request, { sha256: body.sha256, size: body.size, contentType: file.contentType, fileName: file.filename });
	const disposition = contentDisposition(file.filename);
	return new Response(body instanceof Readable ? (Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>) : body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': file.disposition === 'inline' ? disposition.replace(/^attachment/, 'inline') : disposition,
			'cache-control': file.cacheControl ?? 'private, no-store'
		}
	});
}
