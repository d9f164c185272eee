import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { config } from '../config';
import { DomainError, ValidationError } from '../errors';
import { checkFileKind } from './file-kind';
import { validateFileName } from './file-name';

/** A complete, checked upload in a temporary file, not yet in the store. */
export interface Upload {
	tempPath: string;
	sha256: string;
	size: number;
	/** NFC, validated; metadata only. */
	fileName: string;
	contentType: string;
}

export interface UploadOptions {
	maxBytes?: number;
	tempDir?: string;
}

/** Room for the multipart boundaries, part headers and the small text fields. */
const formOverheadBytes = 64 * 1024;

const tooLarge = (maxBytes: number) => new DomainError('mat_upload_too_large', 413, 'file', { maxMb: Math.floor(maxBytes / 1_048_576) });

/** Deletes an upload's temporary file; harmless once the store has moved it. */
export const discardUpload = (upload: Pick<Upload, 'tempPath'>) => rm(upload.tempPath, { force: true });

/**
 * Streams the single file of a multipart/form-data request into a temporary file,
 * hashing on the way, and returns it with the form's text fields. Refuses before
 * reading when Content-Length is over the cap, stops reading when the stream goes
 * over it, and leaves nothing on disk whenever it throws.
 */
export async function receiveUpload(request: Request, options: UploadOptions = {}): Promise<{ upload: Upload; fields: Record<string, string> }> {
	const maxBytes = options.maxBytes ?? config().UPLOAD_MAX_BYTES;
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > maxBytes + formOverheadBytes) throw tooLarge(maxBytes);
	if (!request.body || !(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
		throw new ValidationError('mat_upload_malformed', 'file');
	}
	const tempDir = options.tempDir ?? path.join(config().DATA_DIR, 'tmp');
	await mkdir(tempDir, { recursive: true });
	const tempPath = path.join(tempDir, `upload-${randomUUID()}`);
	try {
		const { file, fields } = await parseForm(request, tempPath, maxBytes);
		if (file.size === 0) throw new ValidationError('mat_upload_empty', 'file');
		const { contentType } = await checkFileKind(tempPath, file.fileName);
		return { upload: { tempPath, ...file, contentType }, fields };
	} catch (err) {
		await rm(tempPath, { force: true });
		throw err;
	}
}

interface FilePart {
	sha256: string;
	size: number;
	fileName: string;
}

function hashingCounter() {
	const hash = createHash('sha256');
	let size = 0;
	const stream = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			hash.update(chunk);
			size += chunk.length;
			callback(null, chunk);
		}
	});
	return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

const parserFor = (request: Request, maxBytes: number) =>
	busboy({
		headers: Object.fromEntries(request.headers),
		preservePath: true, // keep "../x.pdf" as sent so the name check can refuse it
		defParamCharset: 'utf8',
		limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 10_000, parts: 30 }
	});

type Fail = (err: unknown, part?: Readable) => void;

/** Writes one file part to the temporary file; resolves null when it was refused. */
function writeFilePart(part: Readable, fileNameSent: string | undefined, tempPath: string, maxBytes: number, fail: Fail): Promise<FilePart | null> {
	let fileName: string;
	try {
		fileName = validateFileName(fileNameSent);
	} catch (err) {
		fail(err, part);
		return Promise.resolve(null);
	}
	part.on('limit', () => fail(tooLarge(maxBytes), part));
	const counter = hashingCounter();
	return pipeline(part, counter.stream, createWriteStream(tempPath)).then(
		() => ({ ...counter.result(), fileName }),
		() => (fail(new ValidationError('mat_upload_aborted', 'file')), null)
	);
}

/**
 * Resolves only after the temporary file is closed (written or destroyed), so the
 * caller's clean-up can never run before a late write re-creates the file.
 */
function parseForm(request: Request, tempPath: string, maxBytes: number): Promise<{ file: FilePart; fields: Record<string, string> }> {
	return new Promise((resolve, reject) => {
		const source = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
		const fields: Record<string, string> = {};
		let writing: Promise<FilePart | null> | undefined;
		let failure: unknown;
		const fail: Fail = (err, part) => {
			if (failure) return;
			failure = err;
			source.unpipe();
			source.destroy();
			part?.destroy();
			// Not awaited here: writing may be the very pipeline that called fail.
			void Promise.resolve(writing).finally(() => reject(err));
		};
		let bb: busboy.Busboy;
		try {
			bb = parserFor(request, maxBytes);
		} catch {
			return reject(new ValidationError('mat_upload_malformed', 'file'));
		}
		const malformed = () => fail(new ValidationError('mat_upload_malformed', 'file'));
		bb.on('field', (name, value) => (fields[name] = value));
		bb.on('file', (_name, part, info) => {
			if (writing) return part.resume();
			writing = writeFilePart(part, info.filename, tempPath, maxBytes, fail);
		});
		bb.on('filesLimit', () => fail(new ValidationError('mat_upload_one_file', 'file')));
		bb.on('fieldsLimit', malformed).on('partsLimit', malformed).on('error', malformed);
		source.on('error', () => fail(new ValidationError('mat_upload_aborted', 'file')));
		bb.on('close', async () => {
			const file = await writing;
			if (failure) return;
			if (!file) return fail(new ValidationError('mat_upload_no_file', 'file'));
			resolve({ file, fields });
		});
		source.pipe(bb);
	});
}
