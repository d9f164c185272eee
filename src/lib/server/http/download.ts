import type { Readable } from 'node:stream';

/**
 * The one shape of a file download (issue 15): every download service returns
 * it, and downloadResponse (download-response.ts) alone turns it into the HTTP
 * answer, so the headers (attachment name, caching, ranges) are written in one
 * place. Services say what the file is; they never build a Response.
 */
export interface Download {
	/** The name the browser saves it under: any Unicode (see contentDisposition). */
	filename: string;
	contentType: string;
	body: DownloadBody;
	/** 'inline' opens it in the browser (a PDF to print) instead of saving it. Default 'attachment'. */
	disposition?: 'attachment' | 'inline';
	/** Default 'private, no-store': a download is one person's and never kept by a proxy. */
	cacheControl?: string;
}

/**
 * Bytes in memory, a stream (web or Node: a pdfkit document is a Node stream,
 * drawn as it is read), or a file of the store, served with byte ranges.
 */
export type DownloadBody = string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | Readable | StoredBody;

/** Reads a stored file by its hash, whole or one byte range (storage/FileStore has this shape). */
export interface ByteSource {
	openRead(sha256: string, range?: { start: number; end: number }): Promise<Readable>;
}

/**
 * A file of the content-addressed store: its SHA-256 is a perfect ETag (the
 * bytes behind it never change), and a byte range can be served without reading
 * the rest (file-response.ts).
 */
export interface StoredBody {
	store: ByteSource;
	sha256: string;
	size: number;
	/**
	 * Called when the file is not in the store after all (a restore without the
	 * files folder): the domain notes it for whoever can mend it. The user gets a
	 * 404 page either way.
	 */
	onMissing?: () => Promise<void>;
}

export const isStoredBody = (body: DownloadBody): body is StoredBody => typeof body === 'object' && 'store' in body && 'sha256' in body;

export const pdfContentType = 'application/pdf';
