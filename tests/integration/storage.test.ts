import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from '../../src/lib/server/storage/local-file-store';
import { fileResponse } from '../../src/lib/server/http/file-response';
import { receiveUpload } from '../../src/lib/server/storage/upload';
import { minimalPdf, multipartRequest, tinyPng } from './support/material-files';

/**
 * The upload stream and the local store touch only the file system, so these run once,
 * not per database; tests/integration/materials.test.ts covers them with both databases.
 */
describe('upload streaming and the local file store', () => {
	let root: string;
	let tempDir: string;
	let store: LocalFileStore;
	const leftovers = () => fs.readdirSync(tempDir);
	const keyOf = (p: Promise<unknown>) =>
		p.then(
			() => 'ok',
			(e) => `${e.status} ${e.messageKey}`
		);

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-store-'));
		tempDir = path.join(root, 'tmp');
		fs.mkdirSync(tempDir);
		store = new LocalFileStore(path.join(root, 'files'));
	});
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	it('streams the file into a temporary file with its SHA-256 and returns the text fields', async () => {
		const pdf = minimalPdf();
		const { upload, fields } = await receiveUpload(multipartRequest({ name: 'Lesfiche – Zoë.pdf', content: pdf }, { titleNl: 'Lesfiche' }), {
			tempDir,
			maxBytes: 10_000
		});
		expect(fields).toEqual({ titleNl: 'Lesfiche' });
		expect(upload).toMatchObject({
			fileName: 'Lesfiche – Zoë.pdf',
			size: pdf.length,
			contentType: 'application/pdf',
			sha256: createHash('sha256').update(pdf).digest('hex')
		});
		expect(fs.readFileSync(upload.tempPath)).toEqual(pdf);
	});

	it('refuses with 413 from Content-Length alone, before reading, leaving nothing on disk', async () => {
		const request = multipartRequest({ name: 'groot.pdf', content: minimalPdf() }, {}, { stream: true, contentLength: 50_000_000 });
		expect(await keyOf(receiveUpload(request, { tempDir, maxBytes: 1_000_000 }))).toBe('413 mat_upload_too_large');
		expect(request.bodyUsed).toBe(false);
		expect(leftovers()).toEqual([]);
	});

	it('stops a stream without Content-Length once it passes the cap, leaving nothing on disk', async () => {
		const big = Buffer.concat([minimalPdf(), Buffer.alloc(300_000, 0x41)]);
		const request = multipartRequest({ name: 'groot.pdf', content: big }, {}, { stream: true });
		expect(request.headers.get('content-length')).toBeNull();
		expect(await keyOf(receiveUpload(request, { tempDir, maxBytes: 100_000 }))).toBe('413 mat_upload_too_large');
		expect(leftovers()).toEqual([]);
	});

	it('refuses an empty file, a missing file, a bad name and a PNG named .pdf, leaving nothing on disk', async () => {
		const cases: [Request, string][] = [
			[multipartRequest({ name: 'leeg.pdf', content: Buffer.alloc(0) }), '400 mat_upload_empty'],
			[multipartRequest(null, { titleNl: 'x' }), '400 mat_upload_no_file'],
			[multipartRequest({ name: '../../etc/les.pdf', content: minimalPdf() }), '400 mat_file_name_invalid'],
			[multipartRequest({ name: 'les.pdf', content: tinyPng() }, {}, { stream: true }), '400 mat_file_type_mismatch']
		];
		for (const [request, expected] of cases) {
			expect(await keyOf(receiveUpload(request, { tempDir, maxBytes: 100_000 }))).toBe(expected);
		}
		expect(leftovers()).toEqual([]);
	});

	it('refuses an upload broken off mid-stream, leaving nothing on disk', async () => {
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="les.pdf"\r\n\r\n%PDF-1.4 half'));
				controller.error(new Error('connection reset'));
			}
		});
		const request = new Request('http://localhost/upload', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=b' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(await keyOf(receiveUpload(request, { tempDir }))).toBe('400 mat_upload_aborted');
		expect(leftovers()).toEqual([]);
	});

	it('stores the same content once, by SHA-256, and reads it back whole or in a range', async () => {
		const first = await receiveUpload(multipartRequest({ name: 'a.pdf', content: minimalPdf() }), { tempDir });
		const second = await receiveUpload(multipartRequest({ name: 'b.pdf', content: minimalPdf() }), { tempDir });
		const a = await store.put(first.upload.tempPath, first.upload);
		const b = await store.put(second.upload.tempPath);
		expect(b).toEqual(a);
		expect(leftovers()).toEqual([]);
		expect(fs.readdirSync(path.join(root, 'files', a.sha256.slice(0, 2)))).toEqual([a.sha256]);
		expect(await store.has(a.sha256)).toBe(true);
		expect(await store.stat(a.sha256)).toEqual({ sha256: a.sha256, size: minimalPdf().length });
		expect(await text(await store.openRead(a.sha256))).toBe(minimalPdf().toString('latin1'));
		expect(await text(await store.openRead(a.sha256, { start: 0, end: 7 }))).toBe('%PDF-1.4');
		await store.remove(a.sha256);
		expect(await store.has(a.sha256)).toBe(false);
		await expect(store.openRead(a.sha256)).rejects.toThrow();
	});

	it('never turns a key into a path', async () => {
		await expect(store.has('../../etc/passwd')).rejects.toThrow('Not a SHA-256 digest');
	});

	it('answers a download whole, in one range (206) or 416, with a name that survives accents', async () => {
		const content = Buffer.from('0123456789'.repeat(100));
		const tmp = path.join(tempDir, 'x');
		fs.writeFileSync(tmp, content);
		const { sha256, size } = await store.put(tmp);
		const file = { sha256, size, contentType: 'video/mp4', fileName: 'Lesfiche – Zoë.mp4' };
		const get = (headers: Record<string, string> = {}) => fileResponse(store, new Request('http://localhost/d', { headers }), file);

		const whole = await get();
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-length')).toBe('1000');
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="Lesfiche _ Zoe.mp4"; filename*=UTF-8''Lesfiche%20%E2%80%93%20Zo%C3%AB.mp4`);
		expect(Buffer.from(await whole.arrayBuffer())).toEqual(content);

		const part = await get({ range: 'bytes=10-19' });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
		expect(await part.text()).toBe('0123456789');
		const tail = await get({ range: 'bytes=-3' });
		expect(await tail.text()).toBe('789');

		const outside = await get({ range: 'bytes=5000-' });
		expect(outside.status).toBe(416);
		expect(outside.headers.get('content-range')).toBe('bytes */1000');
		expect((await get({ range: 'bytes=0-1,5-6' })).status).toBe(200);
	});
});
