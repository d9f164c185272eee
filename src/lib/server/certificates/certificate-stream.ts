import type { Locale } from '../db/schema';
import type { CertificateView } from './certificate.service';
import { readLogo } from './certificate-download';
import { verifyUrl } from './code';
import type { CertificateBatch, RenderInit } from '../workers/render-jobs';
import { renderPool } from '../workers/render-pool';

/**
 * Bulk certificates as a streamed download (issue 6), drawn on a render worker
 * (issue 14: ~5 ms of CPU a page, which on the request thread tripled other
 * users' p99). Each pull of the stream reads one batch of certificates and
 * has the worker draw it: memory stays at one batch plus pdfkit's per-page
 * output, whatever the page count; the next certificates (and so the next chunk
 * query, which issues missing ones) are read only when the client has taken the
 * last bytes, and everything stops when the client goes away.
 */
export interface BulkStreamOptions {
	title: string;
	cityName: string;
	/** The city's logo, for editions without a certificate logo of their own. */
	cityLogoSha256?: string | null;
	locale: Locale;
	/** The request's signal: aborts when the client disconnects. */
	signal?: AbortSignal;
	/** Certificates per batch handed to the worker (default 20). */
	batchSize?: number;
}

/**
 * The certificates in batches for a render worker: each page names its logo by
 * hash (the edition's, else the city's), and each logo's bytes go along once, with
 * the first batch that uses it.
 */
async function* batches(
	certs: AsyncGenerator<CertificateView, void, undefined>,
	opts: BulkStreamOptions,
	entry?: (cert: CertificateView) => { name: string; title: string }
): AsyncGenerator<CertificateBatch, void> {
	const sent = new Set<string>();
	const size = opts.batchSize ?? 20;
	try {
		let batch: CertificateBatch = { pages: [], logos: {} };
		for await (const cert of certs) {
			const sha = cert.branding.logoSha256 ?? opts.cityLogoSha256 ?? null;
			let logoSha: string | null = null;
			if (sha) {
				if (!sent.has(sha)) {
					const logo = await readLogo(sha);
					if (logo) batch.logos[sha] = logo;
					sent.add(sha);
				}
				logoSha = sha;
			}
			batch.pages.push({ certificate: cert, locale: opts.locale, cityName: opts.cityName, verifyUrl: verifyUrl(cert.code), logoSha, entry: entry?.(cert) });
			if (batch.pages.length >= size) {
				yield batch;
				batch = { pages: [], logos: {} };
			}
		}
		if (batch.pages.length) yield batch;
	} finally {
		await certs.return();
	}
}

const meta = (opts: BulkStreamOptions) => ({ title: opts.title, cityName: opts.cityName, locale: opts.locale });

/** The certificates as one PDF, one page each. Resolves once a render worker is free (RenderBusyError when none will be). */
export function bulkPdfStream(certs: AsyncGenerator<CertificateView, void, undefined>, opts: BulkStreamOptions): Promise<ReadableStream<Uint8Array>> {
	const init: RenderInit = { kind: 'certificates-pdf', meta: meta(opts) };
	return renderPool().stream(init, batches(certs, opts), opts.signal);
}

/** "Campus Noord - 5B.pdf": no path separators, control or reserved characters, unique within the archive. */
export function zipEntryNamer(): (cert: CertificateView) => string {
	const used = new Set<string>();
	const clean = (s: string | null) =>
		(s ?? '')
			.normalize('NFC')
			// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
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
export function bulkZipStream(
	certs: AsyncGenerator<CertificateView, void, undefined>,
	opts: BulkStreamOptions & { pdfTitle: (cert: CertificateView) => string }
): Promise<ReadableStream<Uint8Array>> {
	const nameOf = zipEntryNamer();
	const init: RenderInit = { kind: 'certificates-zip', meta: meta(opts) };
	return renderPool().stream(
		init,
		batches(certs, opts, (cert) => ({ name: nameOf(cert), title: opts.pdfTitle(cert) })),
		opts.signal
	);
}
