import { createDocument, margin, useFont } from '../pdf/document';

/** Translated words of the kit PDFs, chosen by the caller in the reader's language. */
export interface KitPdfLabels {
	page: (n: number) => string;
	title: string;
	address: string;
	contact: string;
	handover: string;
	remarks: string;
	item: string;
	unit: string;
	quantity: string;
	packed: string;
	receipt: string;
	receiptName: string;
	receiptDate: string;
	receiptSignature: string;
}

export interface KitPdfLine {
	name: string;
	unit: string;
	quantity: number;
}

export interface PackingListView {
	cityName: string;
	labels: KitPdfLabels;
	heading: string;
	campusName: string;
	schoolName: string;
	address: string[];
	contact: string[];
	delivery: string;
	remarks: string | null;
	lines: KitPdfLine[];
}

const columns = { name: margin, unit: 330, quantity: 420, packed: 490 };

function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
	useFont(doc, 'bold', 10).text(`${label}: `, margin, doc.y, { continued: true });
	useFont(doc, 'regular', 10).text(value);
}

/** The lines as a table with an empty tick box per line for the person packing. */
export function linesTable(doc: PDFKit.PDFDocument, labels: KitPdfLabels, lines: KitPdfLine[]): void {
	if (doc.y > doc.page.height - 120) doc.addPage();
	const top = doc.y;
	useFont(doc, 'bold', 10);
	doc.text(labels.item, columns.name, top, { width: 270 });
	doc.text(labels.unit, columns.unit, top, { width: 85 });
	doc.text(labels.quantity, columns.quantity, top, { width: 60, align: 'right' });
	doc.text(labels.packed, columns.packed, top, { width: 55, align: 'right' });
	const right = doc.page.width - margin;
	doc
		.moveTo(margin, doc.y + 2)
		.lineTo(right, doc.y + 2)
		.stroke('#999999');
	doc.y += 6;
	useFont(doc, 'regular', 10);
	for (const line of lines) {
		if (doc.y > doc.page.height - 90) doc.addPage();
		const y = doc.y;
		doc.text(line.name, columns.name, y, { width: 270 });
		const after = doc.y;
		doc.text(line.unit, columns.unit, y, { width: 85 });
		doc.text(String(line.quantity), columns.quantity, y, { width: 60, align: 'right' });
		doc.rect(right - 12, y, 10, 10).stroke('#555555');
		doc.x = margin;
		doc.y = Math.max(after, doc.y) + 4;
	}
}

function signatureBox(doc: PDFKit.PDFDocument, labels: KitPdfLabels): void {
	if (doc.y > doc.page.height - 170) doc.addPage();
	doc.moveDown(1.5);
	const top = doc.y;
	const width = doc.page.width - 2 * margin;
	doc.rect(margin, top, width, 110).stroke('#333333');
	useFont(doc, 'bold', 11).text(labels.receipt, margin + 10, top + 10);
	useFont(doc, 'regular', 10);
	const rows: [string, number][] = [
		[labels.receiptName, top + 36],
		[labels.receiptDate, top + 60],
		[labels.receiptSignature, top + 84]
	];
	for (const [label, y] of rows) {
		doc.text(`${label}:`, margin + 10, y, { width: 100 });
		doc
			.moveTo(margin + 110, y + 11)
			.lineTo(margin + width - 20, y + 11)
			.stroke('#999999');
	}
	doc.x = margin;
	doc.y = top + 120;
}

/** One order's packing list, ended: campus, address, contact, hand-over, lines and a receipt box. */
export function packingListPdf(view: PackingListView): PDFKit.PDFDocument {
	const doc = createDocument({ title: view.labels.title, cityName: view.cityName, pageLabel: view.labels.page });
	useFont(doc, 'bold', 18).text(`${view.labels.title}: ${view.campusName}`, margin, margin);
	useFont(doc, 'regular', 10).fillColor('#555555').text(`${view.schoolName} · ${view.heading}`).fillColor('#000000');
	doc.moveDown();
	if (view.address.length) field(doc, view.labels.address, view.address.join(', '));
	if (view.contact.length) field(doc, view.labels.contact, view.contact.join(' · '));
	field(doc, view.labels.handover, view.delivery);
	if (view.remarks) field(doc, view.labels.remarks, view.remarks);
	doc.moveDown();
	linesTable(doc, view.labels, view.lines);
	signatureBox(doc, view.labels);
	doc.end();
	return doc;
}
