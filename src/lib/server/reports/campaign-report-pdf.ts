import PDFDocument from 'pdfkit';
import { margin, useFont } from '../pdf/document';
import { drawBarChart, drawPairChart, type PdfBarChart, type PdfPairChart } from './report-charts';
import { drawTable, structText, type PdfTable } from './report-table';

/**
 * The campaign report as a tagged PDF. Pure: a view model with every text
 * already in the reader's language comes in, a pdfkit document goes out (the
 * caller pipes it; it ends after its last page). Pages are buffered so that the
 * furniture can say "p. 3 / 9" once the last page is known.
 */
export interface ContactLine {
	label: string;
	text: string;
	url: string | null;
}

export interface ReportSection {
	heading: string;
	intro?: string;
	charts: (PdfBarChart | PdfPairChart)[];
	tables: PdfTable[];
	/** Small print under the tables: counts, the scale, the suppression rule. */
	notes?: string[];
	/** Quotations under their own heading (teachers' shared remarks, issue 19.4). */
	quotes?: { heading: string; intro: string; items: string[]; empty: string };
}

export interface CampaignReportPdfView {
	/** BCP 47 language of the text: "nl-BE" or "en". */
	lang: string;
	title: string;
	cityName: string;
	/** The city's PNG/JPEG logo for the cover, or null. */
	logo: Buffer | null;
	campaignName: string;
	editionLine: string;
	generated: string;
	accent: string;
	/**
	 * "p. {n} / {total}" in the reader's language: a template, not a function, so
	 * the view can be posted to a render worker (workers/render-pool.ts).
	 */
	pageLabel: string;
	/** The few big numbers on the cover: [value, label]. */
	highlights: [string, string][];
	keyFigures: { heading: string; caption: string; rows: [string, string][]; note: string; headers: [string, string] };
	sections: ReportSection[];
	contact: { heading: string; lines: ContactLine[] };
}

type Struct = PDFKit.PDFStructureElement;

const isPair = (c: PdfBarChart | PdfPairChart): c is PdfPairChart => 'groups' in c;

/** The cover: the city (logo and name), the title, the campaign's edition once, the date and the three headline figures. */
function cover(doc: PDFKit.PDFDocument, root: Struct, v: CampaignReportPdfView): void {
	const width = doc.page.width - 2 * margin;
	doc.markContent('Artifact', { type: 'Layout' });
	doc.rect(0, 0, doc.page.width, 14).fill(v.accent);
	// The city's name is printed as text just below: the logo is decoration for a screen reader.
	if (v.logo) doc.image(v.logo, margin, 56, { fit: [220, 90] });
	doc.endMarkedContent();
	structText(doc, root, 'P', () =>
		useFont(doc, 'bold', 14)
			.fillColor('#444444')
			.text(v.cityName, margin, v.logo ? 160 : 64, { width })
	);
	structText(doc, root, 'H1', () =>
		useFont(doc, 'bold', 36)
			.fillColor(v.accent)
			.text(v.title, margin, v.logo ? 270 : 220, { width })
	);
	structText(doc, root, 'P', () =>
		useFont(doc, 'bold', 22)
			.fillColor('#000000')
			.text(v.editionLine, margin, doc.y + 8, { width })
	);
	structText(doc, root, 'P', () =>
		useFont(doc, 'regular', 11)
			.fillColor('#444444')
			.text(v.generated, margin, doc.y + 14, { width })
	);
	highlights(doc, root, v);
	doc.fillColor('#000000');
}

const highlightSize = 34;
const highlightMinSize = 12;

/**
 * One font size for every big number on the cover: the largest (up to 34 pt) at
 * which the widest of them fits its column on one line. A Flanders edition's
 * "1.972.218" pupils is wider than its column at full size and used to wrap
 * after "1.972."; shrinking all of them alike keeps the row even.
 */
function highlightFontSize(doc: PDFKit.PDFDocument, values: string[], width: number): number {
	useFont(doc, 'bold', highlightSize);
	const widest = Math.max(0, ...values.map((value) => doc.widthOfString(value)));
	if (widest <= width) return highlightSize;
	return Math.max(highlightMinSize, Math.floor(((highlightSize * width) / widest) * 2) / 2);
}

/** The headline figures in a row of tinted cards, in the lower half of the cover. */
function highlights(doc: PDFKit.PDFDocument, root: Struct, v: CampaignReportPdfView): void {
	const top = doc.y + 110;
	const gutter = 14;
	const pad = 12;
	const w = (doc.page.width - 2 * margin + gutter) / Math.max(v.highlights.length, 1) - gutter;
	const size = highlightFontSize(
		doc,
		v.highlights.map(([value]) => value),
		w - 2 * pad
	);
	// Numbers of a smaller size sit on the same baseline band as the full-size ones would.
	const lineHeight = useFont(doc, 'bold', highlightSize).currentLineHeight();
	v.highlights.forEach(([value, label], i) => {
		const x = margin + i * (w + gutter);
		doc.markContent('Artifact', { type: 'Layout' });
		doc.save().rect(x, top, w, 110).fill('#f4f2f6').rect(x, top, w, 4).fill(v.accent).restore();
		doc.endMarkedContent();
		structText(doc, root, 'P', () => {
			const valueHeight = useFont(doc, 'bold', size).currentLineHeight();
			doc.fillColor(v.accent).text(value, x + pad, top + 18 + lineHeight - valueHeight, { width: w - 2 * pad, lineBreak: false });
			useFont(doc, 'regular', 11)
				.fillColor('#000000')
				.text(label, x + pad, top + 24 + lineHeight, { width: w - 2 * pad });
		});
	});
}

/** The city's help and reporting addresses, at the end of the report (the footer of every page repeats them in short). */
function contactBlock(doc: PDFKit.PDFDocument, root: Struct, v: CampaignReportPdfView): void {
	if (v.contact.lines.length === 0) return;
	const width = doc.page.width - 2 * margin;
	heading(doc, root, v.contact.heading);
	for (const line of v.contact.lines) {
		structText(doc, root, 'P', () => {
			useFont(doc, 'bold', 10).text(`${line.label}: `, margin, doc.y + 4, { width, continued: true });
			useFont(doc, 'regular', 10).text(line.url ? `${line.text} (${line.url})` : line.text);
		});
	}
}

function heading(doc: PDFKit.PDFDocument, root: Struct, text: string): void {
	if (doc.y > doc.page.height - 200) doc.addPage();
	structText(doc, root, 'H2', () =>
		useFont(doc, 'bold', 16)
			.fillColor('#000000')
			.text(text, margin, doc.y, { width: doc.page.width - 2 * margin })
	);
	doc.moveDown(0.5);
}

async function keyFigures(doc: PDFKit.PDFDocument, root: Struct, v: CampaignReportPdfView): Promise<void> {
	const k = v.keyFigures;
	heading(doc, root, k.heading);
	await drawTable(doc, root, { caption: k.caption, headers: k.headers, widths: [0.7, 0.3], numeric: [false, true], rows: k.rows, empty: '' });
	structText(doc, root, 'P', () =>
		useFont(doc, 'regular', 9)
			.fillColor('#444444')
			.text(k.note, margin, doc.y, { width: doc.page.width - 2 * margin })
	);
	doc.fillColor('#000000').moveDown(1.2);
}

async function section(doc: PDFKit.PDFDocument, root: Struct, s: ReportSection, accent: string, signal?: AbortSignal): Promise<void> {
	heading(doc, root, s.heading);
	if (s.intro) {
		structText(doc, root, 'P', () => useFont(doc, 'regular', 10).text(s.intro!, margin, doc.y, { width: doc.page.width - 2 * margin }));
		doc.moveDown(0.8);
	}
	for (const chart of s.charts) (isPair(chart) ? drawPairChart : drawBarChart)(doc, root, chart as never, accent);
	// A table that is the whole section needs no caption under the same heading.
	for (const table of s.tables) await drawTable(doc, root, table.caption === s.heading ? { ...table, caption: '' } : table, signal);
	const width = doc.page.width - 2 * margin;
	for (const note of s.notes ?? []) structText(doc, root, 'P', () => useFont(doc, 'regular', 9).fillColor('#444444').text(note, margin, doc.y, { width }));
	doc.fillColor('#000000');
	if (s.quotes) quotes(doc, root, s.quotes);
	doc.moveDown(0.5);
}

/** Each quotation indented behind a bar in the accent's grey, as a BlockQuote for screen readers. */
function quotes(doc: PDFKit.PDFDocument, root: Struct, q: NonNullable<ReportSection['quotes']>): void {
	const width = doc.page.width - 2 * margin;
	doc.moveDown(0.8);
	structText(doc, root, 'H3', () => useFont(doc, 'bold', 12).text(q.heading, margin, doc.y, { width }));
	structText(doc, root, 'P', () =>
		useFont(doc, 'regular', 9)
			.fillColor('#444444')
			.text(q.items.length ? q.intro : q.empty, margin, doc.y + 2, { width })
	);
	doc.fillColor('#000000');
	for (const item of q.items) {
		doc.moveDown(0.5);
		if (doc.y > doc.page.height - 120) doc.addPage();
		const top = doc.y;
		structText(doc, root, 'BlockQuote', () => useFont(doc, 'regular', 10).text(`“${item}”`, margin + 14, top, { width: width - 14 }));
		doc.markContent('Artifact', { type: 'Layout' });
		doc
			.save()
			.rect(margin, top, 3, doc.y - top)
			.fill('#cccccc')
			.restore();
		doc.endMarkedContent();
	}
}

/** "Hulplijn: www.lumi.be · Meldpunt: www.unia.be": the addresses fit on one line where the full texts do not. */
function footerContact(v: CampaignReportPdfView): string {
	return v.contact.lines.map((l) => `${l.label}: ${l.url ? l.url.replace(/^https?:\/\//, '') : l.text}`).join('  ·  ');
}

/** The text cut with an ellipsis to one line of `width` (pdfkit's own ellipsis still wraps). */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
	if (doc.widthOfString(text) <= width) return text;
	let cut = text;
	while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
	return `${cut.trimEnd()}…`;
}

const pageLabelOf = (template: string, n: number, total: number) => template.replace('{n}', String(n)).replace('{total}', String(total));

/** Header and footer of every page, as artifacts (screen readers skip them). */
async function furniture(doc: PDFKit.PDFDocument, v: CampaignReportPdfView): Promise<void> {
	const range = doc.bufferedPageRange();
	const total = range.count;
	for (let i = range.start; i < range.start + total; i++) {
		if (i % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const width = doc.page.width - 2 * margin;
		doc.markContent('Artifact', { type: 'Pagination' });
		useFont(doc, 'regular', 8).fillColor('#555555');
		if (i > range.start) {
			doc.text(fit(doc, `${v.cityName} · ${v.title} · ${v.editionLine}`, width - 150), margin, 26, { lineBreak: false });
			doc.text(v.generated, margin, 26, { width, align: 'right', lineBreak: false });
			doc
				.moveTo(margin, 38)
				.lineTo(margin + width, 38)
				.lineWidth(0.5)
				.stroke('#cccccc');
		}
		const footY = doc.page.height - 44;
		doc.text(fit(doc, footerContact(v), width - 70), margin, footY, { lineBreak: false });
		useFont(doc, 'bold', 9).text(pageLabelOf(v.pageLabel, i - range.start + 1, total), margin, footY, { width, align: 'right', lineBreak: false });
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
	doc.fillColor('#000000');
}

/**
 * Drawn asynchronously, yielding at page breaks, so a Flanders-size report does
 * not hold up other requests; stops early when `signal` aborts (download cancelled).
 */
export function campaignReportPdf(v: CampaignReportPdfView, signal?: AbortSignal): PDFKit.PDFDocument {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, bottom: 60, left: margin, right: margin },
		bufferPages: true,
		tagged: true,
		lang: v.lang,
		displayTitle: true,
		pdfVersion: '1.7',
		info: { Title: `${v.title} ${v.editionLine}`, Author: v.cityName, Subject: v.campaignName }
	});
	const root = doc.struct('Document');
	doc.addStructure(root);
	const render = async () => {
		cover(doc, root, v);
		doc.addPage();
		await keyFigures(doc, root, v);
		for (const s of v.sections) if (!signal?.aborted) await section(doc, root, s, v.accent, signal);
		if (!signal?.aborted) contactBlock(doc, root, v);
		root.end();
		await furniture(doc, v);
	};
	render().then(
		() => doc.end(),
		(err: Error) => doc.destroy(err)
	);
	return doc;
}
