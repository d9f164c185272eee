import { setImmediate as macrotask } from 'node:timers/promises';
import { Zip, ZipPassThrough } from 'fflate';
import type { Locale } from '../db/schema';
import type { CertificateView } from '../certificates/certificate.service';
import { readLogo } from '../certificates/certificate-download';
import { verifyUrl } from '../certificates/code';
import { certificatePdf, createCertificateDocument, renderCertificatePage, type CertificatePage } from './certificate-pdf';
import { toBuffer } from './document';

/**
 * Bulk certificates as a streamed download (issue 6). One page is drawn per
 * pull, its bytes handed over, and then a macrotask lets other requests run
 * before the next page: memory stays at one chunk of certificates plus
 * pdfkit's per-page output, whatever the page count. The next certificate (and
 * so the next chunk query) is read only when the client has taken the last
 * bytes, and everything stops when the client goes away.
 */
export interface BulkStreamOptions {
	title: string;
	cityName: string;
	/** The city's logo, for editions without a certificate logo of their own. */
	cityLogoSha256?: string | null;
	locale: Locale;
	/** The request's signal: aborts when the client disconnects. */
	signal?: AbortSignal;
}

/** The edition's (else the city's) logo, read once per stream (all pages of an edition share it). */
function pageMaker(opts: BulkStreamOptions) {
	const logos = new Map<string, Promise<Buffer | null>>();
	return async (cert: CertificateView): Promise<CertificatePage> => {
		const sha = cert.branding.logoSha256 ?? opts.cityLogoSha256 ?? null;
		let logo: Promise<Buffer | null> = Promise.resolve(null);
		if (sha) {
			if (!logos.has(sha)) logos.set(sha, readLogo(sha));
			logo = logos.get(sha)!;
		}
		return { certificate: cert, locale: opts.locale, cityName: opts.cityName, verifyUrl: verifyUrl(cert.code), logo: await logo };
	};
}

/**
 * A pull-driven stream with one producer step per pull; `step` enqueues what it
 * made and says whether more follows. Stops the source on cancel or abort.
 */
function pullStream(step: (emit: (bytes: Uint8Array) => void) => Promise<boolean>, stop: () => Promise<void>, signal?: AbortSignal): ReadableStream<Uint8Array> {
	let stopped = false;
	const halt = async () => {
		if (stopped) return;
		stopped = true;
		await stop();
	};
	signal?.addEventListener('abort', () => void halt(), { once: true });
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				let emitted = false;
				while (!emitted && !stopped) {
					if (signal?.aborted) return halt();
					const more = await step((bytes) => {
						if (stopped || bytes.byteLength === 0) return;
						emitted = true;
						controller.enqueue(bytes);
					});
					if (!more) {
						stopped = true;
						controller.close();
						return;
					}
					await macrotask();
				}
			},
			cancel: halt
		},
		{ highWaterMark: 0 }
	);
}

/** The certificates as one PDF, one page each. */
export function bulkPdfStream(certs: AsyncGenerator<CertificateView, void, undefined>, opts: BulkStreamOptions): ReadableStream<Uint8Array> {
	const doc = createCertificateDocument(opts);
	// pdfkit caches the layout of every distinct word per document: with a new code
	// and address on each page that grew the heap by ~18 kB a page (1,000 pages:
	// +17 MB). Without the cache a page costs ~1 ms more and ~1 kB stays (the page
	// tree and offsets the PDF needs at its end). Read when the font is first set.
	(doc as unknown as { options: { fontLayoutCache?: boolean } }).options.fontLayoutCache = false;
	const pending: Buffer[] = [];
	let ended = false;
	doc.on('data', (c: Buffer) => pending.push(c));
	const finished = new Promise<void>((resolve) => doc.on('end', () => ((ended = true), resolve())));
	const makePage = pageMaker(opts);
	const flush = (emit: (b: Uint8Array) => void) => {
		if (pending.length) emit(new Uint8Array(Buffer.concat(pending.splice(0))));
	};
	return pullStream(
		async (emit) => {
			const next = await certs.next();
			if (next.done) {
				doc.end();
				await finished;
				flush(emit);
				return false;
			}
			renderCertificatePage(doc, await makePage(next.value));
			flush(emit);
			return true;
		},
		async () => {
			await certs.return();
			if (!ended) doc.end();
			pending.length = 0;
		},
		opts.signal
	);
}

/** "Campus Noord - 5B.pdf": no path separators, control or reserved characters, unique within the archive. */
export function zipEntryNamer(): (cert: CertificateView) => string {
	const used = new Set<string>();
	const clean = (s: string | null) =>
		(s ?? '')
			.normalize('NFC')
			.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
			.replace(/\s+/g, ' ')
			.replace(/^[\s.]+|[\s.]+$/g, '')
			.slice(0, 80);
	return (cert) => {
		const base = `${clean(cert.facts.campusName) || '-'} - ${clean(cert.facts.className) || cert.id}`;
		let name = `${base}.pdf`;
		for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).pdf`;
		used.add(name.toLowerCase());
		return name;
	};
}

/** The certificates as a ZIP of one-page PDFs (stored, not deflated: PDF streams are compressed already). */
export function bulkZipStream(certs: AsyncGenerator<CertificateView, void, undefined>, opts: BulkStreamOptions & { pdfTitle: (cert: CertificateView) => string }): ReadableStream<Uint8Array> {
	const pending: Uint8Array[] = [];
	let failure: Error | null = null;
	const zip = new Zip((err, data) => {
		if (err) failure = err;
		else pending.push(data);
	});
	const makePage = pageMaker(opts);
	const nameOf = zipEntryNamer();
	const flush = (emit: (b: Uint8Array) => void) => {
		if (failure) throw failure;
		if (pending.length) emit(Buffer.concat(pending.splice(0)));
	};
	return pullStream(
		async (emit) => {
			const next = await certs.next();
			if (next.done) {
				zip.end();
				flush(emit);
				return false;
			}
			const page = await makePage(next.value);
			const pdf = await toBuffer(certificatePdf({ title: opts.pdfTitle(next.value), cityName: opts.cityName, locale: opts.locale }, [page]));
			const entry = new ZipPassThrough(nameOf(next.value));
			zip.add(entry);
			entry.push(pdf, true);
			flush(emit);
			return true;
		},
		async () => {
			await certs.return();
			zip.terminate();
			pending.length = 0;
		},
		opts.signal
	);
}
