import { createDocument, margin, useFont } from '../pdf/document';
import { linesTable, type KitPdfLabels, type KitPdfLine } from './kit-lists-pdf';

export interface PickListSection {
	orderId: number;
	campusName: string;
	schoolName: string;
	heading: string;
	delivery: string;
	lines: KitPdfLine[];
}

export interface PickListHeader {
	cityName: string;
	labels: KitPdfLabels & { empty: string };
	title: string;
}

/** Lets the stream pass what is written so far before the next chunk is drawn (pdfkit ignores back-pressure). */
const yieldToStream = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The pick list of an edition, one section per approved order in campus order,
 * drawn chunk by chunk as the sections are read; stops (and ends the document)
 * when the signal aborts, e.g. when the browser goes away.
 */
export function pickListPdf(header: PickListHeader, sections: AsyncIterable<PickListSection[]>, signal?: AbortSignal): PDFKit.PDFDocument {
	const doc = createDocument({ title: header.labels.title, cityName: header.cityName, pageLabel: header.labels.page });
	useFont(doc, 'bold', 18).text(header.title, margin, margin);
	doc.moveDown(0.5);
	const render = async () => {
		let count = 0;
		for await (const chunk of sections) {
			for (const s of chunk) {
				if (signal?.aborted) return;
				if (doc.y > doc.page.height - 180) doc.addPage();
				useFont(doc, 'bold', 13).text(s.campusName, margin, doc.y + 8);
				useFont(doc, 'regular', 9).fillColor('#555555').text(`${s.schoolName} · ${s.heading} · ${s.delivery}`).fillColor('#000000');
				doc.moveDown(0.4);
				linesTable(doc, header.labels, s.lines);
				count++;
				await yieldToStream();
			}
		}
		if (count === 0) useFont(doc, 'regular', 11).text(header.labels.empty, margin, doc.y + 8);
	};
	render().then(
		() => doc.end(),
		(err: Error) => doc.destroy(err)
	);
	return doc;
}
