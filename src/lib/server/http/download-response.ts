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
 * ranges (file-response.ts); a stored file that is gone answers 404 and its
 * domain is told (StoredBody.onMissing). Anything else
 * goes as an attachment (or inline), by default never cached by a proxy.
 */
/** The page the user came from, when it is one of ours: where "back" leads from a download that failed. */
function sameOriginReferrer(event: RequestEvent): string | null {
	const referrer = event.request.headers.get('referer');
	if (!referrer) return null;
	try {
		const url = new URL(referrer);
		return url.origin === event.url.origin ? url.pathname + url.search : null;
	} catch {
		return null;
	}
}

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
	if (isStoredBody(body)) {
		try {
			return await fileResponse(body.store, event.request, { sha256: body.sha256, size: body.size, contentType: file.contentType, fileName: file.filename });
		} catch (err) {
			// A file gone from the store (a restore without the files folder): a clear 404, and the coordinator hears of it.
			if ((err as NodeJS.ErrnoException | null)?.code !== 'ENOENT') throw err;
			await body.onMissing?.();
			return refusal(event, 404, m.file_missing_title(), m.file_missing(), {}, sameOriginReferrer(event) ?? '/');
		}
	}
	const disposition = contentDisposition(file.filename);
	return new Response(body instanceof Readable ? (Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>) : body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': file.disposition === 'inline' ? disposition.replace(/^attachment/, 'inline') : disposition,
			'cache-control': file.cacheControl ?? 'private, no-store'
		}
	});
}
