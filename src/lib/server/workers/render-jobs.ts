import { Zip, ZipPassThrough } from 'fflate';
import type { Locale } from '../db/schema';
import { campaignReportPdf, type CampaignReportPdfView } from '../reports/campaign-report-pdf';
import { certificatePdf, createCertificateDocument, renderCertificatePage, type CertificatePage } from '../certificates/certificate-pdf';
import { toBuffer } from '../pdf/document';
import { xlsxWriter, type XlsxCell, type XlsxSheet } from '../reports/xlsx-stream';

/**
 * The CPU-heavy downloads, as jobs a render worker runs (render-worker.ts) or,
 * where no worker can be started, the request's own thread. Everything that
 * crosses into a job is plain data (structured-clone safe: no functions, logos as
 * bytes); the database is read by the caller, never here. A job is begun, fed
 * batches, and finished; its bytes go out through `emit` in order.
 */
export type RenderInit =
	| { kind: 'report-pdf'; view: CampaignReportPdfView }
	| { kind: 'certificates-pdf'; meta: CertificatesMeta }
	| { kind: 'certificates-zip'; meta: CertificatesMeta }
	| { kind: 'xlsx'; sheet: XlsxSheet };

export interface CertificatesMeta {
	title: string;
	cityName: string;
	locale: Locale;
}

/** A certificate page with its logo named by hash: each logo's bytes cross once per job (in `logos`). */
export type PageOf<T = CertificatePage> = Omit<T, 'logo'> & { logoSha: string | null };

export interface CertificateBatch {
	pages: (PageOf & { /** For the ZIP: its entry's name and its PDF's title. */ entry?: { name: string; title: string } })[];
	/** Logos first used in this batch, by SHA-256. */
	logos: Record<string, Uint8Array>;
}

/** Rows of a one-sheet workbook (dates stay dates: structured clone keeps them). */
export interface XlsxBatch {
	rows: XlsxCell[][];
}

export type RenderBatch = CertificateBatch | XlsxBatch;

export interface RenderJob {
	add(batch: RenderBatch): Promise<void>;
	/** Resolves after the last byte was emitted. */
	finish(): Promise<void>;
}

/** pdfkit embeds an image once per document when it sees the same Buffer again: one Buffer per logo and job. */
function logoBook() {
	const logos = new Map<string, Buffer>();
	return {
		learn(batch: CertificateBatch) {
			for (const [sha, bytes] of Object.entries(batch.logos))
				if (!logos.has(sha)) logos.set(sha, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		},
		page(p: PageOf): CertificatePage {
			const { logoSha, ...rest } = p;
			return { ...rest, logo: (logoSha && logos.get(logoSha)) || null };
		}
	};
}

/** The pdfkit document's bytes through `emit`; resolves when it has ended. */
function pipeDocument(doc: PDFKit.PDFDocument, emit: (bytes: Uint8Array) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => emit(chunk));
		doc.on('end', resolve);
		doc.on('error', reject);
	});
}

function reportJob(view: CampaignReportPdfView, emit: (bytes: Uint8Array) => void): RenderJob {
	// A logo posted to a worker arrives as a Uint8Array; pdfkit wants a Buffer.
	const logo = view.logo ? Buffer.from(view.logo.buffer, view.logo.byteOffset, view.logo.byteLength) : null;
	const ended = pipeDocument(campaignReportPdf({ ...view, logo }), emit);
	return {
		add: async () => {},
		finish: () => ended
	};
}

function certificatesPdfJob(meta: CertificatesMeta, emit: (bytes: Uint8Array) => void): RenderJob {
	const doc = createCertificateDocument(meta);
	// pdfkit caches the layout of every distinct word per document: with a new code
	// and address on each page that grew the heap by ~18 kB a page (1,000 pages:
	// +17 MB). Without the cache a page costs ~1 ms more and ~1 kB stays (the page
	// tree and offsets the PDF needs at its end). Read when the font is first set.
	(doc as unknown as { options: { fontLayoutCache?: boolean } }).options.fontLayoutCache = false;
	const ended = pipeDocument(doc, emit);
	const logos = logoBook();
	return {
		async add(b) {
			const batch = b as CertificateBatch;
			logos.learn(batch);
			for (const page of batch.pages) renderCertificatePage(doc, logos.page(page));
		},
		async finish() {
			doc.end();
			await ended;
		}
	};
}

function certificatesZipJob(meta: CertificatesMeta, emit: (bytes: Uint8Array) => void): RenderJob {
	let failure: Error | null = null;
	// Stored, not deflated: PDF streams are compressed already.
	const zip = new Zip((err, data) => {
		if (err) failure = err;
		else emit(data);
	});
	const logos = logoBook();
	return {
		async add(b) {
			const batch = b as CertificateBatch;
			logos.learn(batch);
			for (const page of batch.pages) {
				const pdf = await toBuffer(
					certificatePdf({ title: page.entry?.title ?? meta.title, cityName: meta.cityName, locale: meta.locale }, [logos.page(page)])
				);
				const entry = new ZipPassThrough(page.entry?.name ?? `${page.certificate.code}.pdf`);
				zip.add(entry);
				entry.push(pdf, true);
				if (failure) throw failure;
			}
		},
		async finish() {
			zip.end();
			if (failure) throw failure;
		}
	};
}

function xlsxJob(sheet: XlsxSheet, emit: (bytes: Uint8Array) => void): RenderJob {
	const writer = xlsxWriter(sheet, emit);
	return {
		add: async (batch) => writer.add((batch as XlsxBatch).rows),
		finish: async () => writer.finish()
	};
}

export function beginRender(init: RenderInit, emit: (bytes: Uint8Array) => void): RenderJob {
	switch (init.kind) {
		case 'report-pdf':
			return reportJob(init.view, emit);
		case 'certificates-pdf':
			return certificatesPdfJob(init.meta, emit);
		case 'certificates-zip':
			return certificatesZipJob(init.meta, emit);
		case 'xlsx':
			return xlsxJob(init.sheet, emit);
	}
}

/**
 * Draws a throw-away report of a few pages of table: a fresh thread's first real
 * report ran ~1 s slower while V8 compiled pdfkit's text layout. Run once when a
 * worker starts; its bytes go nowhere.
 */
export async function warmUp(): Promise<void> {
	const rows = Array.from({ length: 300 }, (_, i) => [`Campus ${i}`, `Basisschool ${i}`, String(i * 7), String(i * 131)]);
	const view: CampaignReportPdfView = {
		lang: 'nl-BE',
		title: 'Rapport',
		cityName: 'Stad',
		logo: null,
		campaignName: 'Campagne',
		editionLine: '2027',
		generated: '1 januari 2027',
		accent: '#6b2d8f',
		pageLabel: 'p. {n} / {total}',
		highlights: [['1.234', 'klassen']],
		keyFigures: { heading: 'Kerncijfers', caption: 'Kerncijfers', rows: [['Klassen', '1.234']], note: '', headers: ['Cijfer', 'Waarde'] },
		sections: [
			{
				heading: 'Campussen',
				charts: [],
				tables: [
					{
						caption: 'Campussen',
						headers: ['Campus', 'School', 'Klassen', 'Leerlingen'],
						widths: [0.3, 0.4, 0.15, 0.15],
						numeric: [false, false, true, true],
						rows,
						empty: '–'
					}
				]
			}
		],
		contact: { heading: 'Contact', lines: [{ label: 'Meldpunt', text: 'www.unia.be', url: 'https://www.unia.be' }] }
	};
	await new Promise<void>((resolve, reject) => {
		const doc = campaignReportPdf(view);
		doc.on('data', () => {});
		doc.on('end', resolve);
		doc.on('error', reject);
	});
}
