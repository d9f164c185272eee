import { CsvError, parse } from 'csv-parse/sync';

/** The template's columns: fixed Dutch names, compared case-insensitively, in this order. */
export const importColumns = [
	'instellingsnummer',
	'school',
	'campus',
	'straat',
	'postcode',
	'gemeente',
	'niveaus',
	'contactpersoon',
	'e-mail',
	'telefoon'
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const maxImportRows = 10_000;

/** A data row as read: its row number in the file (the header is row 1) and its cells. */
export interface RawRow {
	row: number;
	cells: string[];
}

export type FileError =
	| { code: 'empty' }
	| { code: 'undecodable' }
	| { code: 'too_large'; maxMb: number }
	| { code: 'header'; found: string }
	| { code: 'malformed'; row: number }
	| { code: 'no_rows' }
	| { code: 'too_many_rows'; count: number; max: number }
	| { code: 'expired' };

export type ParseResult = { ok: true; delimiter: ';' | ','; rows: RawRow[] } | { ok: false; error: FileError };

/** ";" as Belgian Excel writes it; "," only when the header line uses it instead. */
export function detectDelimiter(text: string): ';' | ',' {
	const firstLine = text.slice(0, text.search(/\r|\n|$/));
	return !firstLine.includes(';') && firstLine.includes(',') ? ',' : ';';
}

const headerMatches = (cells: string[]) => {
	const names = cells.map((c) => c.trim().toLowerCase());
	// Excel adds empty cells after the last column when a sheet once had more columns.
	while (names.length > importColumns.length && names[names.length - 1] === '') names.pop();
	return names.length === importColumns.length && names.every((n, i) => n === importColumns[i]);
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Splits decoded text into rows under the checked header. Pure. */
export function parseCsv(text: string): ParseResult {
	const delimiter = detectDelimiter(text);
	let records: string[][];
	try {
		records = parse(text, {
			delimiter,
			record_delimiter: ['\r\n', '\n', '\r'],
			relax_column_count: true,
			// A quote inside an unquoted cell (Campus "De Linde") is kept as text.
			relax_quotes: true
		});
	} catch (err) {
		if (err instanceof CsvError) return { ok: false, error: { code: 'malformed', row: Number(err.records ?? 0) + 1 } };
		throw err;
	}
	if (!records.length || isBlank(records[0])) return { ok: false, error: { code: 'empty' } };
	if (!headerMatches(records[0])) return { ok: false, error: { code: 'header', found: records[0].join(delimiter).slice(0, 200) } };
	const rows: RawRow[] = [];
	records.forEach((cells, i) => {
		if (i > 0 && !isBlank(cells)) rows.push({ row: i + 1, cells });
	});
	if (!rows.length) return { ok: false, error: { code: 'no_rows' } };
	if (rows.length > maxImportRows) return { ok: false, error: { code: 'too_many_rows', count: rows.length, max: maxImportRows } };
	return { ok: true, delimiter, rows };
}
