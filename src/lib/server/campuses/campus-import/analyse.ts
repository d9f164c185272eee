import { decodeCsv } from './decode';
import { parseCsv, type FileError } from './parse';
import { checkRows, type CheckedRow } from './validate';

export const maxImportMb = 5;
export const maxImportBytes = maxImportMb * 1024 * 1024;

export type Analysis = { ok: true; rows: CheckedRow[]; encoding: 'utf-8' | 'windows-1252'; delimiter: ';' | ',' } | { ok: false; error: FileError };

/** Bytes in, checked rows or one file-level problem out. Pure: the database is not asked. */
export function analyseImport(bytes: Uint8Array): Analysis {
	if (bytes.length > maxImportBytes) return { ok: false, error: { code: 'too_large', maxMb: maxImportMb } };
	const decoded = decodeCsv(bytes);
	if (!decoded.ok) return { ok: false, error: { code: decoded.code } };
	const parsed = parseCsv(decoded.text);
	if (!parsed.ok) return parsed;
	return { ok: true, rows: checkRows(parsed.rows), encoding: decoded.encoding, delimiter: parsed.delimiter };
}
