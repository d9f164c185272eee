import { crc32, deflateSync } from 'node:zlib';

/** Small generated files for upload tests: no copyrighted content, built byte by byte. */
export function minimalPdf(text = 'Lesfiche'): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
		'latin1'
	);
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body) >>> 0);
	return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 grey PNG. */
export function tinyPng(): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(1, 0);
	header.writeUInt32BE(1, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

/** A zip of stored (uncompressed) entries: enough for file-type to recognise DOCX/ODT. */
export function storedZip(entries: Record<string, string>): Buffer {
	const parts: Buffer[] = [];
	for (const [name, content] of Object.entries(entries)) {
		const data = Buffer.from(content, 'utf8');
		const fileName = Buffer.from(name, 'utf8');
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4); // version needed
		header.writeUInt32LE(crc32(data) >>> 0, 14);
		header.writeUInt32LE(data.length, 18);
		header.writeUInt32LE(data.length, 22);
		header.writeUInt16LE(fileName.length, 26);
		parts.push(header, fileName, data);
	}
	return Buffer.concat(parts);
}

export const minimalDocx = () =>
	storedZip({
		'[Content_Types].xml':
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
		'word/document.xml': '<w:document/>'
	});

export const minimalOdt = () => storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });

/**
 * A multipart/form-data Request as a browser sends it. `stream: true` sends the body
 * as a stream without Content-Length (chunked), as a client that does not announce it.
 */
export function multipartRequest(
	file: { name: string; content: Buffer; type?: string } | null,
	fields: Record<string, string> = {},
	opts: { stream?: boolean; contentLength?: number } = {}
): Request {
	const boundary = '----sc-test-boundary-7MA4YWxk';
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	if (file) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
				'utf8'
			)
		);
		chunks.push(file.content, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	const body = Buffer.concat(chunks);
	const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
	if (opts.contentLength !== undefined) headers['content-length'] = String(opts.contentLength);
	if (!opts.stream) return new Request('http://localhost/upload', { method: 'POST', headers, body });
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			// Several chunks, as from a network: the cap must hold mid-stream.
			for (let i = 0; i < body.length; i += 16 * 1024) controller.enqueue(new Uint8Array(body.subarray(i, i + 16 * 1024)));
			controller.close();
		}
	});
	return new Request('http://localhost/upload', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
}
