import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * DejaVu Sans, embedded: pdfkit's built-in Helvetica is WinAnsi only and breaks
 * "Łukasz" or "Ольга". Each TTF is parsed once per process (parsing per document
 * costs ~20 ms) and registered under a name in each document (useFont, document.ts).
 */
export type ParsedFont = unknown;

const require = createRequire(import.meta.url);
let parsed: { regular: ParsedFont; bold: ParsedFont } | null = null;

/**
 * fontkit caches each glyph with the characters it was first made for. Laying out
 * "ç" decomposes it and caches a bare "c" without its character, and every later
 * document then writes "c" with no Unicode mapping ("Pa king list" when the text is
 * copied or searched). Making every glyph from its own character first avoids that.
 */
function warmGlyphCache(font: { characterSet: number[]; glyphForCodePoint(cp: number): unknown }): void {
	for (const cp of font.characterSet) font.glyphForCodePoint(cp);
}

function load(file: string): ParsedFont {
	const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
	warmGlyphCache(font);
	return font;
}

export function fonts(): { regular: ParsedFont; bold: ParsedFont } {
	parsed ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
	return parsed;
}
