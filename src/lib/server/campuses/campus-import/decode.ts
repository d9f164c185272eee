/**
 * Turns an uploaded file's bytes into text. UTF-8 is read strictly; a file that is
 * not valid UTF-8 is read as windows-1252, which is what Excel writes on Belgian
 * Windows ("Sint-Jozefscollège" with è as the single byte 0xE8). Pure.
 */
export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; code: 'empty' | 'undecodable' };

/**
 * windows-1252's bytes 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes
 * them as latin1 (C1 control characters), so the table is ours. 0 marks the five
 * bytes windows-1252 leaves undefined.
 */
const cp1252High = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
];

/** Returns null when the bytes hold one of windows-1252's undefined values. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
	const chars: string[] = [];
	for (let i = 0; i < bytes.length; i += 8192) {
		const codes: number[] = [];
		for (const b of bytes.subarray(i, i + 8192)) {
			const code = b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : b;
			if (code === 0) return null;
			codes.push(code);
		}
		chars.push(String.fromCharCode(...codes));
	}
	return chars.join('');
}

function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		// ignoreBOM: false (the default) strips a leading BOM, as Excel's "CSV UTF-8" writes one.
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * NUL and control characters other than tab and line breaks mean the file is not
 * text in either encoding (a spreadsheet saved as .xlsx, UTF-16 "Unicode text").
 */
// eslint-disable-next-line no-control-regex
const binaryChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function decodeCsv(bytes: Uint8Array): DecodeResult {
	if (bytes.length === 0) return { ok: false, code: 'empty' };
	const utf8 = decodeUtf8(bytes);
	const text = utf8 ?? decodeWindows1252(bytes);
	if (text === null || binaryChars.test(text)) return { ok: false, code: 'undecodable' };
	if (text.trim() === '') return { ok: false, code: 'empty' };
	return { ok: true, text, encoding: utf8 === null ? 'windows-1252' : 'utf-8' };
}
