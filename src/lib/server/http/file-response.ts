import { Readable } from 'node:stream';
import type { ByteSource } from './download';
import { contentDisposition } from './download-names';
import { contentRange, parseRange } from './range';

export interface ServedFile {
	sha256: string;
	size: number;
	contentType: string;
	fileName: string;
}

/**
 * The HTTP answer for a stored file: streamed (never buffered whole), one byte range
 * when asked (206, or 416 outside the file), the name surviving accents. The SHA-256
 * is a perfect ETag: the bytes behind it never change.
 */
export async function fileResponse(store: ByteSource, request: Request, file: ServedFile): Promise<Response> {
	const headers = new Headers({
		'content-type': file.contentType,
		'content-disposition': contentDisposition(file.fileName),
		'accept-ranges': 'bytes',
		etag: `"${file.sha256}"`,
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	});
	const ifRange = request.headers.get('if-range');
	const range = ifRange && ifRange !== `"${file.sha256}"` ? ({ kind: 'whole' } as const) : parseRange(request.headers.get('range'), file.size);
	const rangeHeader = contentRange(range, file.size);
	if (rangeHeader) headers.set('content-range', rangeHeader);
	if (range.kind === 'unsatisfiable') return new Response(null, { status: 416, headers });
	const partial = range.kind === 'partial';
	const stream = await store.openRead(file.sha256, partial ? range : undefined);
	headers.set('content-length', String(partial ? range.end - range.start + 1 : file.size));
	// Cancelling the web stream (the client went away) destroys the file stream.
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: partial ? 206 : 200, headers });
}
