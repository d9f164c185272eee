import { levels, type Level } from '../../../domain';
import { limits } from '../../../limits';
import { instellingsnummerPattern, isEmail, phonePattern, postalCodePattern } from '../../../schemas/campus';
import { textKey } from '../../db/keys';
import { importColumns, type ImportColumn, type RawRow } from './parse';

/**
 * Checks each row against the same rules as the campus form (lengths from limits.ts,
 * patterns from schemas/campus.ts) and the file as a whole (duplicates). Problems
 * are codes; the preview turns them into sentences in the user's language. Pure.
 */
export type ProblemCode =
	| 'required'
	| 'too_long'
	| 'control_chars'
	| 'instellingsnummer'
	| 'postal_code'
	| 'unknown_level'
	| 'email'
	| 'phone'
	| 'extra_cells'
	| 'duplicate'
	| 'school_name_differs';

export interface Problem {
	column: ImportColumn | null;
	code: ProblemCode;
	params?: Record<string, string | number>;
}

export interface CampusRow {
	instellingsnummer: string;
	school: string;
	campus: string;
	street: string;
	postalCode: string;
	city: string;
	levels: Level[];
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
}

export interface CheckedRow {
	row: number;
	values: CampusRow;
	problems: Problem[];
}

const maxLength: Record<ImportColumn, number> = {
	instellingsnummer: limits.instellingsnummer,
	school: limits.schoolName,
	campus: limits.campusName,
	straat: limits.street,
	postcode: limits.postalCode,
	gemeente: limits.city,
	niveaus: 200,
	contactpersoon: limits.personName,
	'e-mail': limits.email,
	telefoon: limits.phone
};
const optionalColumns = new Set<ImportColumn>(['contactpersoon', 'e-mail', 'telefoon']);
// Tabs, line breaks inside a quoted cell, zero-width and bidi characters: invisible in Excel, trouble everywhere else.
const controlChars = /[\p{Cc}\p{Cf}]/u;

/** The cell's text and the problems of its own format (length, control characters, pattern). */
function checkCell(column: ImportColumn, raw: string | undefined, problems: Problem[]): string {
	const value = (raw ?? '').normalize('NFC').trim();
	if (value === '') {
		if (!optionalColumns.has(column)) problems.push({ column, code: 'required' });
		return value;
	}
	if (value.length > maxLength[column]) problems.push({ column, code: 'too_long', params: { max: maxLength[column] } });
	else if (controlChars.test(value)) problems.push({ column, code: 'control_chars' });
	else if (column === 'instellingsnummer' && !instellingsnummerPattern.test(value)) problems.push({ column, code: 'instellingsnummer' });
	else if (column === 'postcode' && !postalCodePattern.test(value)) problems.push({ column, code: 'postal_code' });
	else if (column === 'e-mail' && !isEmail(value)) problems.push({ column, code: 'email' });
	else if (column === 'telefoon' && !phonePattern.test(value)) problems.push({ column, code: 'phone' });
	return value;
}

/** "kleuter, lager" → ['kleuter', 'lager'], in the domain's order; unknown codes are problems. */
function checkLevels(value: string, problems: Problem[]): Level[] {
	const codes = [
		...new Set(
			value
				.split(',')
				.map((c) => c.trim().toLowerCase())
				.filter(Boolean)
		)
	];
	for (const code of codes)
		if (!(levels as readonly string[]).includes(code)) problems.push({ column: 'niveaus', code: 'unknown_level', params: { value: code } });
	if (value !== '' && !codes.length) problems.push({ column: 'niveaus', code: 'required' });
	return levels.filter((l) => codes.includes(l));
}

export function checkRow(raw: RawRow): CheckedRow {
	const problems: Problem[] = [];
	const [instellingsnummer, school, campus, street, postalCode, city, niveaus, contactName, contactEmail, contactPhone] = importColumns.map((column, i) =>
		checkCell(column, raw.cells[i], problems)
	);
	const levelCellFailed = problems.some((p) => p.column === 'niveaus');
	const values: CampusRow = {
		instellingsnummer,
		school,
		campus,
		street,
		postalCode,
		city,
		levels: levelCellFailed ? [] : checkLevels(niveaus, problems),
		contactName: contactName || null,
		contactEmail: contactEmail || null,
		contactPhone: contactPhone || null
	};
	if (raw.cells.slice(importColumns.length).some((c) => c.trim() !== ''))
		problems.push({ column: null, code: 'extra_cells', params: { max: importColumns.length } });
	// In the file's column order, whichever check found them.
	const position = (p: Problem) => (p.column ? importColumns.indexOf(p.column) : importColumns.length);
	return { row: raw.row, values, problems: problems.sort((a, b) => position(a) - position(b)) };
}

/**
 * Rows that name the same campus twice (instellingsnummer + campus name, compared
 * normalised) are problems on the later row; so is a second, different school
 * name for one instellingsnummer within the file (which one should win?).
 */
export function checkRows(raw: RawRow[]): CheckedRow[] {
	const rows = raw.map(checkRow);
	const campusSeen = new Map<string, number>();
	const schoolSeen = new Map<string, { row: number; key: string }>();
	for (const r of rows) {
		const { instellingsnummer, campus, school } = r.values;
		if (!instellingsnummer) continue;
		const campusKey = `${instellingsnummer}|${textKey(campus)}`;
		const first = campusSeen.get(campusKey);
		if (campus && first !== undefined) r.problems.push({ column: 'campus', code: 'duplicate', params: { row: first } });
		else if (campus) campusSeen.set(campusKey, r.row);
		const firstSchool = schoolSeen.get(instellingsnummer);
		if (school && firstSchool && firstSchool.key !== textKey(school))
			r.problems.push({ column: 'school', code: 'school_name_differs', params: { row: firstSchool.row } });
		else if (school && !firstSchool) schoolSeen.set(instellingsnummer, { row: r.row, key: textKey(school) });
	}
	return rows;
}
