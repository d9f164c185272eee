import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { fonts } from './fonts';

/** Page furniture shared by every PDF (packing lists, pick lists, later certificates and reports). */
export interface DocumentOptions {
	title: string;
	/** Printed in the header of every page. */
	cityName: string;
	/** "Pagina {n}" / "Page {n}": the caller's translation, so this module stays free of Paraglide. */
	pageLabel: (n: number) => string;
}

export const margin = 50;
const headerY = 24;

const withFonts = new WeakSet<PDFKit.PDFDocument>();

/**
 * The font by a registered name, not by the parsed Font object: pdfkit caches a
 * font per document only under a name. Given the object it opens a new embedded
 * font on every call and compares it with the first by JSON-stringifying its name
 * table: 28 % of a 198-page report's time, and another 20 % in garbage
 * collection. (@types/pdfkit lags 0.20: no overload for a parsed fontkit Font.)
 */
export function useFont(doc: PDFKit.PDFDocument, weight: 'regular' | 'bold', size?: number): PDFKit.PDFDocument {
	if (!withFonts.has(doc)) {
		doc.registerFont('sc-regular', fonts().regular as unknown as string);
		doc.registerFont('sc-bold', fonts().bold as unknown as string);
		withFonts.add(doc);
	}
	doc.font(`sc-${weight}`);
	if (size) doc.fontSize(size);
	return doc;
}

/** Writes outside the margins without pdfkit opening a new page for it. */
function furniture(doc: PDFKit.PDFDocument, opts: DocumentOptions, pageNo: number): void {
	const { x, y } = doc;
	const bottom = doc.page.margins.bottom;
	doc.page.margins.bottom = 0;
	const width = doc.page.width - 2 * margin;
	useFont(doc, 'regular', 8).fillColor('#555555');
	doc.text(`${opts.cityName} · ${opts.title}`, margin, headerY, { width, lineBreak: false });
	doc.text(opts.pageLabel(pageNo), margin, doc.page.height - 34, { width, align: 'right', lineBreak: false });
	doc.page.margins.bottom = bottom;
	doc.fillColor('#000000');
	useFont(doc, 'regular', 10);
	doc.x = x;
	doc.y = y;
}

/** An A4 document with the header and footer drawn on every page as it is added. */
export function createDocument(opts: DocumentOptions): PDFKit.PDFDocument {
	const doc = new PDFDocument({ size: 'A4', margin, info: { Title: opts.title, Author: opts.cityName } });
	let pageNo = 1;
	furniture(doc, opts, pageNo);
	doc.on('pageAdded', () => furniture(doc, opts, ++pageNo));
	return doc;
}

/** The whole (ended or ending) document in memory: for tests and small single-page PDFs. */
export function toBuffer(doc: PDFKit.PDFDocument | Readable): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}
