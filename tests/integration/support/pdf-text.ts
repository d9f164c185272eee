import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as pdf.js reads it (what search and copy in a viewer give):
 * every text run in drawing order, joined by spaces, pages by newlines. NFKC
 * undoes ligatures ("ﬃ" in "Affiches"). A font without a Unicode map shows here
 * as missing or wrong letters.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	await doc.destroy();
	return pages.join('\n').normalize('NFKC');
}
