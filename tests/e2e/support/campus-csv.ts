import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Campus import files written by the tests themselves, with numbers and names no
 * other test uses, into a temporary folder of this test process (removed when it
 * exits; not test-results/, which another Playwright run may empty meanwhile).
 */
export const importHeader = ['instellingsnummer', 'school', 'campus', 'straat', 'postcode', 'gemeente', 'niveaus', 'contactpersoon', 'e-mail', 'telefoon'];

export interface ImportRow {
	instellingsnummer: string;
	school: string;
	campus: string;
	straat: string;
	postcode: string;
	gemeente: string;
	niveaus: string;
	contactpersoon?: string;
	email?: string;
	telefoon?: string;
}

let counter = 0;

/**
 * A ten-digit instellingsnummer no other test in this run uses: the clock in
 * centiseconds (a new value every run) and a counter.
 */
export function uniqueInstellingsnummer(): string {
	counter += 1;
	return `${Math.floor(Date.now() / 10) % 1e8}`.padStart(8, '1') + String(counter % 100).padStart(2, '0');
}

const cells = (r: ImportRow) => [
	r.instellingsnummer,
	r.school,
	r.campus,
	r.straat,
	r.postcode,
	r.gemeente,
	r.niveaus,
	r.contactpersoon ?? '',
	r.email ?? '',
	r.telefoon ?? ''
];

/** Rows as Belgian Excel saves them: ";" between cells, CRLF; cells with ";" or quotes are quoted. */
export function importCsv(rows: ImportRow[], header: string[] = importHeader): string {
	const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
	return [header, ...rows.map(cells)].map((line) => line.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** windows-1252's characters outside Latin-1 (bytes 0x80–0x9F) that a Dutch file may hold. */
const cp1252High: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** The text as Excel on Belgian Windows writes "CSV (gescheiden door lijstscheidingsteken)": one byte per character. */
export function windows1252(text: string): Buffer {
	return Buffer.from(
		[...text].map((ch) => {
			const code = ch.codePointAt(0)!;
			if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
			if (ch in cp1252High) return cp1252High[ch];
			throw new Error(`${ch} has no windows-1252 byte`);
		})
	);
}

let folder: string | null = null;

function tempFolder(): string {
	if (!folder) {
		const dir = mkdtempSync(path.join(tmpdir(), 'campus-import-'));
		process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
		folder = dir;
	}
	return folder;
}

/** Writes the file (text as UTF-8) into a subfolder of its own, so names may repeat, and returns its path. */
export function writeImportFile(name: string, content: string | Buffer): string {
	const file = path.join(mkdtempSync(path.join(tempFolder(), 'file-')), name);
	writeFileSync(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
	return file;
}
