import { describe, expect, it } from 'vitest';
import { csvBom, csvDocument, csvRows, safeCsvText } from '../../src/lib/server/reports/csv';
import { contentDisposition } from '../../src/lib/server/http/download-names';
import { slug as fileSlug } from '../../src/lib/slug';

describe('CSV for Belgian Excel', () => {
	it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
		const text = csvDocument(
			['School', 'Klas'],
			[
				['Sint-Jozef', '5B'],
				['Zoë Borluut', '6A']
			],
			'nl'
		);
		expect(text.startsWith(csvBom)).toBe(true);
		expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(text.slice(1)).toBe('School;Klas\r\nSint-Jozef;5B\r\nZoë Borluut;6A\r\n');
	});

	it('quotes a cell holding ";", a quote or a line break, doubling the quotes (RFC 4180)', () => {
		expect(csvRows([['a;b', 'zeg "hallo"', 'twee\nregels', 'cr\rhier', 'gewoon']], 'nl')).toBe('"a;b";"zeg ""hallo""";"twee\nregels";"cr\rhier";gewoon\r\n');
	});

	it('writes numbers as numbers, with a decimal comma in Dutch and a point in English, and empty cells as nothing', () => {
		expect(csvRows([[22, -3, 0, 1.5, -0.25, 1234567.5, null, undefined, '']], 'nl')).toBe('22;-3;0;1,5;-0,25;1234567,5;;;\r\n');
		expect(csvRows([[22, 1.5, 1234567.5]], 'en')).toBe('22;1.5;1234567.5\r\n');
		// Text that looks like a decimal stays as it was typed.
		expect(csvRows([['1.5']], 'nl')).toBe('1.5\r\n');
	});

	it('defuses text a spreadsheet would run as a formula, never a real number', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(safeCsvText(`${start}1+1`)).toBe(`'${start}1+1`);
		expect(csvRows([['=HYPERLINK("http://x","klik")', '-3', -3, '+32 56 27 00 00', '@home']], 'nl')).toBe(
			`"'=HYPERLINK(""http://x"",""klik"")";'-3;-3;'+32 56 27 00 00;'@home\r\n`
		);
		expect(safeCsvText('5B')).toBe('5B');
		expect(safeCsvText('a=b')).toBe('a=b');
	});

	it('writes nothing for no rows', () => {
		expect(csvRows([], 'nl')).toBe('');
	});
});

describe('download names', () => {
	it('make an ASCII slug of an edition name', () => {
		expect(fileSlug('PAARS 2027')).toBe('paars-2027');
		expect(fileSlug('  Çavaria & Wel Jong: Zoë!  ')).toBe('cavaria-wel-jong-zoe');
		expect(fileSlug('…')).toBe('export');
	});

	it('give an ASCII fallback and the exact UTF-8 name in Content-Disposition', () => {
		expect(contentDisposition('inschrijvingen-paars-2027.csv')).toBe(
			`attachment; filename="inschrijvingen-paars-2027.csv"; filename*=UTF-8''inschrijvingen-paars-2027.csv`
		);
		expect(contentDisposition('Zoë "x".csv')).toBe(`attachment; filename="Zoe _x_.csv"; filename*=UTF-8''Zo%C3%AB%20%22x%22.csv`);
	});
});
