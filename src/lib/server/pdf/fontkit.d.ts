// fontkit 2 ships no types; we only parse a TTF buffer and hand the result to pdfkit.
declare module 'fontkit' {
	export interface Font {
		characterSet: number[];
		glyphForCodePoint(codePoint: number): unknown;
	}
	export function create(buffer: Buffer): Font;
}
