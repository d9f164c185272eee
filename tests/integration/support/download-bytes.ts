import { Readable } from 'node:stream';
import type { Download } from '../../../src/lib/server/http/download';
import { toBuffer } from '../../../src/lib/server/pdf/document';

/** A download's bytes, whatever its body (a pdfkit document, a web stream, bytes or text). */
export async function downloadBytes(file: Download): Promise<Buffer> {
	const body = file.body;
	if (body instanceof Readable) return toBuffer(body);
	if (body instanceof ReadableStream) return Buffer.from(await new Response(body).arrayBuffer());
	if (typeof body === 'string') return Buffer.from(body);
	if (body instanceof Uint8Array) return Buffer.from(body);
	throw new Error('a stored file: read it through downloadResponse');
}
