import { margin, useFont } from '../pdf/document';

/**
 * A table for tagged report PDFs: Table > TR > TH/TD structure elements, the
 * header row repeated at the top of every page the table runs onto, numbers
 * right-aligned, light zebra rows for reading across wide tables.
 */
export interface PdfTable {
	caption: string;
	headers: string[];
	/** Shares of the text width, one per column. */
	widths: number[];
	/** Right-aligned columns (figures). */
	numeric: boolean[];
	rows: string[][];
	/** Shown instead of an empty table. */
	empty: string;
}

type Struct = PDFKit.PDFStructureElement;

export const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - 70;
const padX = 4;
const padY = 3;
const fontSize = 9;

export function structText(doc: PDFKit.PDFDocument, parent: Struct, tag: string, draw: () => void): void {
	parent.add(doc.struct(tag, {}, draw));
}

function columnXs(doc: PDFKit.PDFDocument, widths: number[]): { x: number; w: number }[] {
	const total = doc.page.width - 2 * margin;
	let x = margin;
	return widths.map((share) => {
		const col = { x, w: share * total };
		x += col.w;
		return col;
	});
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], cols: { w: number }[], weight: 'regular' | 'bold'): number {
	useFont(doc, weight, fontSize);
	return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i].w - 2 * padX }))) + 2 * padY;
}

/** `h`: the row's height when the caller measured it already (laying out every cell again costs). */
function drawRow(doc: PDFKit.PDFDocument, tr: Struct, t: PdfTable, cells: string[], header: boolean, shade: boolean, h?: number): void {
	const cols = columnXs(doc, t.widths);
	h ??= rowHeight(doc, cells, cols, header ? 'bold' : 'regular');
	const y = doc.y;
	const width = doc.page.width - 2 * margin;
	doc.markContent('Artifact', { type: 'Layout' });
	if (header) doc.rect(margin, y, width, h).fill('#ece4f1');
	else if (shade) doc.rect(margin, y, width, h).fill('#f6f6f6');
	doc
		.moveTo(margin, y + h)
		.lineTo(margin + width, y + h)
		.lineWidth(0.5)
		.stroke('#bbbbbb');
	doc.endMarkedContent();
	doc.fillColor('#000000');
	cells.forEach((cell, i) => {
		const draw = () => {
			useFont(doc, header ? 'bold' : 'regular', fontSize).fillColor('#000000');
			doc.text(cell, cols[i].x + padX, y + padY, { width: cols[i].w - 2 * padX, align: t.numeric[i] ? 'right' : 'left' });
		};
		const options = header ? ({ scope: 'Column' } as PDFKit.Mixins.StructureElementOptions) : {};
		tr.add(doc.struct(header ? 'TH' : 'TD', options, draw));
	});
	doc.x = margin;
	doc.y = y + h;
}

function headerRow(doc: PDFKit.PDFDocument, table: Struct, t: PdfTable): void {
	const tr = doc.struct('TR');
	table.add(tr);
	drawRow(doc, tr, t, t.headers, true, false);
	tr.end();
}

/** Lets other requests run between pages: a 5,000-campus table is ~180 pages and 1.6 s of drawing. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The caption as a heading, then the table; starts on a new page when not even
 * the header and a row fit. Yields to the event loop at every page break.
 */
export async function drawTable(doc: PDFKit.PDFDocument, parent: Struct, t: PdfTable, signal?: AbortSignal): Promise<void> {
	const cols = columnXs(doc, t.widths);
	const firstRow = t.rows[0] ? rowHeight(doc, t.rows[0], cols, 'regular') : 0;
	if (doc.y + 24 + rowHeight(doc, t.headers, cols, 'bold') + firstRow > pageBottom(doc)) doc.addPage();
	if (t.caption) {
		structText(doc, parent, 'H3', () => useFont(doc, 'bold', 11).text(t.caption, margin, doc.y));
		doc.moveDown(0.3);
	}
	if (t.rows.length === 0) {
		structText(doc, parent, 'P', () => useFont(doc, 'regular', 10).text(t.empty, margin, doc.y));
		return;
	}
	const table = doc.struct('Table');
	parent.add(table);
	headerRow(doc, table, t);
	for (const [n, cells] of t.rows.entries()) {
		const h = rowHeight(doc, cells, cols, 'regular');
		if (doc.y + h > pageBottom(doc)) {
			await nextTurn();
			if (signal?.aborted) break;
			doc.addPage();
			headerRow(doc, table, t);
		}
		const tr = doc.struct('TR');
		table.add(tr);
		drawRow(doc, tr, t, cells, false, n % 2 === 1, h);
		tr.end();
	}
	table.end();
	doc.moveDown(1);
}
