import { stringify } from 'csv-stringify/sync';

/**
 * CSV as Belgian Excel opens it without an import wizard: UTF-8 with a byte-order
 * mark (or Excel guesses windows-1252 and "Zoë" breaks), `;` between cells (the
 * list separator of the nl-BE locale), CRLF between rows, RFC 4180 quoting.
 * A Dutch file writes a decimal comma (12,5), which nl-BE Excel reads as a
 * number and would read "12.5" as a date or text; an English one keeps the point.
 * Every export writes through these helpers.
 */
export const csvBom = '\uFEFF';
export const csvContentType = 'text/csv; charset=utf-8';

export type CsvCell = string | number | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would read as a formula gets a leading apostrophe, which
 * Excel shows as plain text. Only text: a real number such as -3 stays a number.
 */
export function safeCsvText(value: string): string {
	return formulaStart.test(value) ? `'${value}` : value;
}

/** A number as the file's language writes it: no thousands separator, a decimal comma in Dutch. */
export const csvNumber = (value: number, locale: 'nl' | 'en'): string => (locale === 'nl' ? String(value).replace('.', ',') : String(value));

const safeCell = (cell: CsvCell, locale: 'nl' | 'en'): string | null =>
	typeof cell === 'string' ? safeCsvText(cell) : typeof cell === 'number' && Number.isFinite(cell) ? csvNumber(cell, locale) : null;

/** Rows as CSV text, each ending in CRLF. A cell with `;`, `"`, CR or LF is quoted, quotes doubled. */
export function csvRows(rows: readonly (readonly CsvCell[])[], locale: 'nl' | 'en'): string {
	if (rows.length === 0) return '';
	return stringify(
		rows.map((row) => row.map((cell) => safeCell(cell, locale))),
		// csv-stringify quotes a lone LF only when told: a line break inside a cell must never end the row.
		{ delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ }
	);
}

/** A whole CSV document in one string (small exports and tests); large ones stream csvRows per chunk. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[], locale: 'nl' | 'en'): string {
	return csvBom + csvRows([header, ...rows], locale);
}
