import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseImport, maxImportBytes } from '../../src/lib/server/campuses/campus-import/analyse';
import { decodeCsv } from '../../src/lib/server/campuses/campus-import/decode';
import { parseCsv } from '../../src/lib/server/campuses/campus-import/parse';
import { fileErrorMessage, problemMessage } from '../../src/lib/server/campuses/campus-import/problem-messages';
import { importTemplateCsv } from '../../src/lib/server/campuses/campus-import/template';
import type { CheckedRow } from '../../src/lib/server/campuses/campus-import/validate';

const header = 'instellingsnummer;school;campus;straat;postcode;gemeente;niveaus;contactpersoon;e-mail;telefoon';
const goodRow = '126847;Sint-Jozefscollège;Campus Centrum;Grote Markt 1;8500;Kortrijk;kleuter,lager;Els Peeters;els@example.org;056 12 34 56';
const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve('tests/fixtures', name)));
const csv = (...rows: string[]) => utf8([header, ...rows].join('\r\n') + '\r\n');

function rowsOf(bytes: Uint8Array): CheckedRow[] {
	const result = analyseImport(bytes);
	if (!result.ok) throw new Error(`file refused: ${result.error.code}`);
	return result.rows;
}

/** A row's problems as "column:code" strings. */
const problemsOf = (row: string) => rowsOf(csv(row))[0].problems.map((p) => `${p.column ?? ''}:${p.code}`);

describe('decoding an uploaded file', () => {
	it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
		const withBom = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Zoë;è')]));
		const without = decodeCsv(utf8('Zoë;è'));
		expect(withBom).toEqual({ ok: true, text: 'Zoë;è', encoding: 'utf-8' });
		expect(without).toEqual({ ok: true, text: 'Zoë;è', encoding: 'utf-8' });
	});

	it('falls back to windows-1252, as Belgian Excel writes it: è and ë as single bytes, € and curly quotes too', () => {
		const bytes = new Uint8Array([...utf8('Sint-Jozefscoll'), 0xe8, ...utf8('ge No'), 0xeb, ...utf8('l '), 0x80, 0x20, 0x93, 0x94]);
		expect(decodeCsv(bytes)).toEqual({ ok: true, text: 'Sint-Jozefscollège Noël € “”', encoding: 'windows-1252' });
		const rows = rowsOf(fixture('campuses-windows-1252.csv'));
		expect(rows[0].values.school).toBe('Sint-Jozefscollège');
		expect(rows[0].values.contactName).toBe('Renée Noël');
	});

	it('calls bytes that are text in neither encoding undecodable: NUL, UTF-16, undefined windows-1252 bytes', () => {
		expect(decodeCsv(new Uint8Array([0x61, 0x00, 0x62]))).toEqual({ ok: false, code: 'undecodable' });
		expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]))).toEqual({ ok: false, code: 'undecodable' });
		expect(decodeCsv(new Uint8Array([0x61, 0xe8, 0x81]))).toEqual({ ok: false, code: 'undecodable' });
		expect(decodeCsv(utf8('a\u0007b'))).toEqual({ ok: false, code: 'undecodable' });
	});

	it('calls a file with nothing in it empty, a BOM alone included', () => {
		expect(analyseImport(new Uint8Array())).toEqual({ ok: false, error: { code: 'empty' } });
		expect(analyseImport(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]))).toEqual({ ok: false, error: { code: 'empty' } });
		expect(analyseImport(utf8(header + '\r\n;;;;;;;;;\r\n'))).toEqual({ ok: false, error: { code: 'no_rows' } });
	});
});

describe('the header and the rows', () => {
	it('accepts the template as it is downloaded, header names in any case, and its rows have no problems', () => {
		const template = importTemplateCsv();
		expect(template.startsWith('\uFEFF' + header + '\r\n')).toBe(true);
		expect(template.split('\r\n').filter(Boolean)).toHaveLength(3);
		expect(rowsOf(utf8(template)).map((r) => r.problems)).toEqual([[], []]);
		const rows = rowsOf(fixture('campuses-utf8-bom.csv'));
		expect(rows.map((r) => [r.row, r.values.campus, r.values.levels])).toEqual([
			[2, 'Campus Centrum', ['kleuter', 'lager']],
			[3, 'Campus Overleie', ['secundair']],
			[4, 'Campus Heule', ['kleuter', 'lager']]
		]);
		expect(rows[1].values.contactEmail).toBeNull();
		expect(rowsOf(fixture('campuses-windows-1252.csv'))).toHaveLength(1);
	});

	it('refuses a header that does not match, in one message that names the expected columns', () => {
		const swapped = utf8('school;instellingsnummer;campus;straat;postcode;gemeente;niveaus;contactpersoon;e-mail;telefoon\r\n' + goodRow);
		const result = analyseImport(swapped);
		expect(result).toMatchObject({ ok: false, error: { code: 'header' } });
		if (result.ok) return;
		expect(fileErrorMessage(result.error)).toContain(header);
		expect(analyseImport(utf8('naam;adres\r\nx;y'))).toMatchObject({ ok: false, error: { code: 'header' } });
		// A tab-separated export is not silently misread either.
		expect(analyseImport(utf8(header.replaceAll(';', '\t') + '\r\n' + goodRow.replaceAll(';', '\t')))).toMatchObject({ ok: false, error: { code: 'header' } });
	});

	it('reads a file separated by commas when its header uses commas', () => {
		const rows = rowsOf(utf8(header.replaceAll(';', ',') + '\n' + '126847,Sint-Jozefscollège,Campus Centrum,Grote Markt 1,8500,Kortrijk,"kleuter,lager",,,\n'));
		expect(rows[0].values).toMatchObject({ campus: 'Campus Centrum', levels: ['kleuter', 'lager'] });
		expect(rows[0].problems).toEqual([]);
	});

	it('numbers rows as the file does: the header is row 1, blank lines count but are not rows', () => {
		const rows = rowsOf(csv(goodRow, '', ';;;;;;;;;', goodRow.replace('Campus Centrum', 'Campus Zuid')));
		expect(rows.map((r) => r.row)).toEqual([2, 5]);
	});

	it('refuses more than 10,000 rows clearly, and accepts exactly 10,000', () => {
		const lines = (n: number) => Array.from({ length: n }, (_, i) => goodRow.replace('Campus Centrum', `Campus ${i}`));
		expect(analyseImport(csv(...lines(10_001)))).toEqual({ ok: false, error: { code: 'too_many_rows', count: 10_001, max: 10_000 } });
		expect(rowsOf(csv(...lines(10_000)))).toHaveLength(10_000);
		expect(fileErrorMessage({ code: 'too_many_rows', count: 10_001, max: 10_000 })).toBe(
			'Het bestand heeft 10.001 rijen; we importeren er hoogstens 10.000 per keer. Splits het in kleinere bestanden.'
		);
	});

	it('refuses a file over 5 MB and a quote that is never closed', () => {
		expect(analyseImport(new Uint8Array(maxImportBytes + 1).fill(0x41))).toEqual({ ok: false, error: { code: 'too_large', maxMb: 5 } });
		expect(parseCsv(header + '\r\n' + goodRow + '\r\n126847;"Sint-Jozef;x\r\n')).toEqual({ ok: false, error: { code: 'malformed', row: 3 } });
	});
});

describe('row problems', () => {
	it('finds missing required fields, and leaves the contact columns optional', () => {
		expect(problemsOf(';;;;;;;Els Peeters;;')).toEqual([
			'instellingsnummer:required',
			'school:required',
			'campus:required',
			'straat:required',
			'postcode:required',
			'gemeente:required',
			'niveaus:required'
		]);
		expect(problemsOf('126847;School;Campus;Straat 1;8500;Kortrijk;lager')).toEqual([]);
	});

	it('checks the instellingsnummer, the postal code, the levels, the e-mail address and the phone number', () => {
		expect(problemsOf(goodRow.replace('126847', '12-847'))).toEqual(['instellingsnummer:instellingsnummer']);
		expect(problemsOf(goodRow.replace('126847', '12345678901'))).toEqual(['instellingsnummer:too_long']);
		expect(problemsOf(goodRow.replace('8500', '850'))).toEqual(['postcode:postal_code']);
		expect(problemsOf(goodRow.replace('8500', 'B-8500'))).toEqual(['postcode:postal_code']);
		expect(problemsOf(goodRow.replace('kleuter,lager', 'kleuter,universiteit'))).toEqual(['niveaus:unknown_level']);
		expect(problemsOf(goodRow.replace('kleuter,lager', ' , '))).toEqual(['niveaus:required']);
		expect(problemsOf(goodRow.replace('els@example.org', 'els@'))).toEqual(['e-mail:email']);
		expect(problemsOf(goodRow.replace('056 12 34 56', 'bel me'))).toEqual(['telefoon:phone']);
	});

	it('reads level codes in any case and order, and stores them once', () => {
		expect(rowsOf(csv(goodRow.replace('kleuter,lager', 'Lager, KLEUTER,lager')))[0].values.levels).toEqual(['kleuter', 'lager']);
	});

	it('finds over-long fields with the limits the forms use, and control characters', () => {
		expect(problemsOf(goodRow.replace('Campus Centrum', 'C'.repeat(151)))).toEqual(['campus:too_long']);
		expect(problemsOf(goodRow.replace('Kortrijk', 'K'.repeat(101)))).toEqual(['gemeente:too_long']);
		expect(problemsOf(goodRow.replace('Campus Centrum', 'Campus\u200bCentrum'))).toEqual(['campus:control_chars']);
		expect(problemsOf(goodRow.replace('Grote Markt 1', '"Grote\nMarkt 1"'))).toEqual(['straat:control_chars']);
		expect(problemsOf(goodRow.replace('Els Peeters', 'Els\tPeeters'))).toEqual(['contactpersoon:control_chars']);
		expect(problemsOf(goodRow + ';extra')).toEqual([':extra_cells']);
	});

	it('marks the second row naming the same campus of the same school as a duplicate, compared normalised', () => {
		const rows = rowsOf(csv(goodRow, goodRow.replace('Campus Centrum', ' campus  centrum '), goodRow.replace('126847', '999999')));
		expect(rows.map((r) => r.problems.map((p) => `${p.code}:${p.params?.row ?? ''}`))).toEqual([[], ['duplicate:2'], []]);
	});

	it('marks a second, different school name for one instellingsnummer within the file', () => {
		const rows = rowsOf(csv(goodRow, goodRow.replace('Campus Centrum', 'Campus Zuid').replace('Sint-Jozefscollège', 'Sint-Jozef')));
		expect(rows[1].problems.map((p) => p.code)).toEqual(['school_name_differs']);
	});

	it('explains each problem in a sentence that names the column', () => {
		const [row] = rowsOf(fixture('campuses-problems.csv'));
		const messages = row.problems.map(problemMessage);
		expect(messages).toEqual([
			'instellingsnummer: gebruik alleen cijfers, hoogstens 10.',
			'postcode: een Belgische postcode heeft 4 cijfers.',
			'niveaus: “universiteit” is geen niveau. Gebruik: kleuter, lager, secundair, buitengewoon_basis, buitengewoon_secundair, hoger.',
			'e-mail: geen geldig e-mailadres.'
		]);
	});
});
