import { margin, useFont } from '../pdf/document';
import { pageBottom } from './report-table';

/**
 * Vector bar charts for report PDFs, drawn with pdfkit paths (sharp at any zoom,
 * searchable labels). Each chart is one tagged Figure with alternative text; the
 * same figures are also printed as a table next to it.
 */
export interface PdfBar {
	label: string;
	value: number;
	/** The value as printed ("1.234", "12,5"). */
	display: string;
}

export interface PdfBarChart {
	title: string;
	alt: string;
	bars: PdfBar[];
}

export interface PdfPairChart {
	title: string;
	alt: string;
	/** [previous, current] */
	series: [string, string];
	groups: { label: string; bars: [PdfBar, PdfBar] }[];
}

const barHeight = 14;
const gap = 8;
const labelWidth = 170;
const valueWidth = 50;
const previousColour = '#a8a8a8';

function title(doc: PDFKit.PDFDocument, text: string, y: number): number {
	useFont(doc, 'bold', 11)
		.fillColor('#000000')
		.text(text, margin, y, { width: doc.page.width - 2 * margin });
	return doc.y + 6;
}

/**
 * Room right of the longest bar for its printed value: 50 pt holds "1.972.218" at
 * 9 pt only just, so a chart with wider values (ten millions, long decimals)
 * shortens its bars instead of running the value over the margin.
 */
function valueWidthFor(doc: PDFKit.PDFDocument, bars: PdfBar[]): number {
	useFont(doc, 'regular', 9);
	return Math.max(valueWidth, ...bars.map((b) => Math.ceil(doc.widthOfString(b.display)) + 6));
}

function bar(doc: PDFKit.PDFDocument, b: PdfBar, max: number, y: number, colour: string, label: string, valueRoom: number): void {
	const plot = doc.page.width - 2 * margin - labelWidth - valueRoom;
	const length = max > 0 ? Math.max((b.value / max) * plot, b.value > 0 ? 1 : 0) : 0;
	useFont(doc, 'regular', 9).fillColor('#000000');
	if (label) doc.text(label, margin, y + 2, { width: labelWidth - 8, align: 'right', lineBreak: false, ellipsis: true });
	if (length > 0) doc.rect(margin + labelWidth, y, length, barHeight).fill(colour);
	doc.fillColor('#000000').text(b.display, margin + labelWidth + length + 4, y + 2, { width: valueRoom, lineBreak: false });
}

function axis(doc: PDFKit.PDFDocument, top: number, bottom: number): void {
	const x = margin + labelWidth;
	doc
		.moveTo(x, top - 2)
		.lineTo(x, bottom)
		.lineWidth(0.75)
		.stroke('#555555');
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
	if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** Horizontal bars, one per label, scaled to the largest value. */
export function drawBarChart(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, chart: PdfBarChart, colour: string): void {
	if (chart.bars.length === 0) return;
	ensureRoom(doc, 30 + chart.bars.length * (barHeight + gap));
	const draw = () => {
		const top = title(doc, chart.title, doc.y);
		const max = Math.max(...chart.bars.map((b) => b.value));
		const room = valueWidthFor(doc, chart.bars);
		chart.bars.forEach((b, i) => bar(doc, b, max, top + i * (barHeight + gap), colour, b.label, room));
		const bottom = top + chart.bars.length * (barHeight + gap) - gap + 2;
		axis(doc, top, bottom);
		doc.x = margin;
		doc.y = bottom + 14;
	};
	parent.add(doc.struct('Figure', { alt: chart.alt }, draw));
}

function legend(doc: PDFKit.PDFDocument, chart: PdfPairChart, colour: string, y: number): number {
	let x = margin + labelWidth;
	useFont(doc, 'regular', 9);
	chart.series.forEach((name, i) => {
		doc.rect(x, y, 10, 10).fill(i === 0 ? previousColour : colour);
		doc.fillColor('#000000').text(name, x + 14, y + 1, { lineBreak: false });
		x += 24 + doc.widthOfString(name);
	});
	return y + 20;
}

/** Per group a pair of bars, previous edition (grey) above this edition (colour), each group on its own scale. */
export function drawPairChart(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, chart: PdfPairChart, colour: string): void {
	const groupHeight = 2 * barHeight + 4 + 2 * gap;
	ensureRoom(doc, 60 + chart.groups.length * groupHeight);
	const draw = () => {
		const top = legend(doc, chart, colour, title(doc, chart.title, doc.y));
		const room = valueWidthFor(
			doc,
			chart.groups.flatMap((g) => g.bars)
		);
		chart.groups.forEach((g, i) => {
			const y = top + i * groupHeight;
			const max = Math.max(g.bars[0].value, g.bars[1].value);
			bar(doc, g.bars[0], max, y, previousColour, g.label, room);
			bar(doc, g.bars[1], max, y + barHeight + 4, colour, '', room);
		});
		const bottom = top + chart.groups.length * groupHeight - 2 * gap + 2;
		axis(doc, top, bottom);
		doc.x = margin;
		doc.y = bottom + 14;
	};
	parent.add(doc.struct('Figure', { alt: chart.alt }, draw));
}
