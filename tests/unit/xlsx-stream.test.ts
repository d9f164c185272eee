import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, xlsxWriter, type XlsxCell, type XlsxSheet } from '../../src/lib/server/reports/xlsx-stream';

/** The workbook of these chunks of rows, each added as the export adds a chunk read from the database. */
function xlsxOf(sheet: XlsxSheet, ...parts: XlsxCell[][][]): Buffer {
	const out: Uint8Array[] = [];
	const writer = xlsxWriter(sheet, (bytes) => out.push(bytes));
	for (const part of parts) writer.add(part);
	writer.finish();
	return Buffer.concat(out);
}

const read = (bytes: Buffer) => readSheet(bytes);
const sheet = { name: 'Inschrijvingen & co', header: ['Naam', 'Aantal', 'Datum'], widths: [20, 8, 12], dateFormat: 'dd/mm/yyyy' };

describe('an XLSX written chunk by chunk', () => {
	it('reads back with typed cells from a chunk too small to fill a deflate block', async () => {
		const rows = await read(xlsxOf(sheet, [['Zoë <"5B"> & co', 22, new Date(Date.UTC(2027, 4, 17))]]));
		expect(rows).toEqual([
			['Naam', 'Aantal', 'Datum'],
			['Zoë <"5B"> & co', 22, new Date(Date.UTC(2027, 4, 17))]
		]);
	});

	it('keeps a formula as text, leaves empty cells empty and drops characters XML cannot hold', async () => {
		const rows = await read(
			xlsxOf(
				sheet,
				[['=1+1', null, null]],
				[
					['twee  spaties', -3, null],
					['bel\u0007l', 0, null]
				]
			)
		);
		expect(rows.slice(1)).toEqual([
			['=1+1', null, null],
			['twee  spaties', -3, null],
			['bell', 0, null]
		]);
	});

	it('names columns past Z as Excel does', () => {
		expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
	});
});
