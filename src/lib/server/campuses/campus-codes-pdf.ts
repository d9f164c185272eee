import { drawQr } from '../pdf/qr';
import { createDocument, margin, useFont } from '../pdf/document';

export interface CampusCodeBlock {
	school: string;
	campus: string;
	address: string;
	code: string;
	url: string;
}

export interface CampusCodesLabels {
	cityName: string;
	title: string;
	intro: string;
	codeLabel: string;
	linkLabel: string;
	empty: string;
	page: (n: number) => string;
}

const blockHeight = 150;
const qrSize = 120;
const muted = '#555555';
const accent = '#6b2d8f';

/** Lets the stream pass what is written so far before the next block is drawn (pdfkit ignores back-pressure). */
const yieldToStream = () => new Promise<void>((resolve) => setImmediate(resolve));

function block(doc: PDFKit.PDFDocument, labels: CampusCodesLabels, b: CampusCodeBlock, top: number): void {
	const width = doc.page.width - 2 * margin;
	const textWidth = width - qrSize - 20;
	doc
		.save()
		.lineWidth(0.6)
		.dash(4, { space: 3 })
		.rect(margin, top, width, blockHeight - 12)
		.stroke('#999999')
		.undash()
		.restore();
	const x = margin + 14;
	useFont(doc, 'bold', 14)
		.fillColor('#000000')
		.text(b.campus, x, top + 12, { width: textWidth });
	useFont(doc, 'regular', 10).fillColor(muted).text(b.school, x, doc.y, { width: textWidth });
	doc.text(b.address, x, doc.y, { width: textWidth });
	useFont(doc, 'regular', 9)
		.fillColor(muted)
		.text(labels.codeLabel, x, doc.y + 8, { width: textWidth });
	useFont(doc, 'bold', 18).fillColor(accent).text(b.code, x, doc.y, { width: textWidth, characterSpacing: 1 });
	useFont(doc, 'regular', 8)
		.fillColor(muted)
		.text(`${labels.linkLabel}: ${b.url}`, x, doc.y + 4, { width: textWidth });
	drawQr(doc, b.url, margin + width - qrSize - 8, top + 8, qrSize);
	doc.fillColor('#000000');
}

/**
 * One cut-out block per campus (name, school, address, code, registration link
 * and a QR code of the link), four to a page, drawn block by block; stops (and
 * ends the document) when the signal aborts.
 */
export function campusCodesPdf(labels: CampusCodesLabels, blocks: CampusCodeBlock[], signal?: AbortSignal): PDFKit.PDFDocument {
	const doc = createDocument({ title: labels.title, cityName: labels.cityName, pageLabel: labels.page });
	useFont(doc, 'bold', 18).text(labels.title, margin, margin);
	useFont(doc, 'regular', 10)
		.fillColor(muted)
		.text(labels.intro, margin, doc.y + 4, { width: doc.page.width - 2 * margin })
		.fillColor('#000000');
	let top = doc.y + 14;
	const render = async () => {
		if (blocks.length === 0) useFont(doc, 'regular', 11).text(labels.empty, margin, top);
		for (const b of blocks) {
			if (signal?.aborted) return;
			if (top + blockHeight > doc.page.height - margin) {
				doc.addPage();
				top = margin;
			}
			block(doc, labels, b, top);
			top += blockHeight;
			await yieldToStream();
		}
	};
	render().then(
		() => doc.end(),
		(err: Error) => doc.destroy(err)
	);
	return doc;
}
