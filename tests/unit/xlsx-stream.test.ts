import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, xlsxStream, type XlsxCell } from '../../src/lib/server/reports/xlsx-stream';

async function* chunks(...parts: XlsxCell[][][]) {
	for (const part of parts) yield part;
}

const read = async (stream: ReadableStream<Uint8Array>) => readSheet(Buffer.from(await new Response(stream).arrayBuffer()));
const sheet = { name: 'Inschrijvingen & co', header: ['Naam', 'Aantal', 'Datum'], widths: [20, 8, 12], dateFormat: 'dd/mm/yyyy' };

describe('a streamed XLSX', () => {
	it('reads back with typed cells from a chunk too small to fill a deflate block', async () => {
		const rows = await read(xlsxStream(sheet, chunks([['Zoë <"5B"> & co', 22, new Date(Date.UTC(2027, 4, 17))]])));
		expect(rows).toEqual([
			['Naam', 'Aantal', 'Datum'],
			['Zoë <"5B"> & co', 22, new Date(Date.UTC(2027, 4, 17))]
		]);
	});

	it('keeps a formula as text, leaves empty cells empty and drops characters XML cannot hold', async () => {
		const rows = await read(xlsxStream(sheet, chunks([['=1+1', null, null]], [['twee  spaties', -3, null], ['bel\u0007l', 0, null]])));
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
