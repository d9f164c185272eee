import { missingGlyphs } from './certificate-pdf';

/**
 * The first names a teacher pasted for named pupil certificates. Pure: the names
 * live in this request only and are never stored, logged or echoed anywhere but
 * the teacher's own response. Errors name line numbers, never the names.
 */
export const maxPupilNames = 40;
export const maxPupilNameLength = 80;
/** Far more than 40 names of 80 characters: longer input is refused before it is split. */
const maxInputLength = 20_000;

export type PupilNamesError =
	{ kind: 'empty' } | { kind: 'too_many'; count: number } | { kind: 'too_long'; line: number } | { kind: 'unprintable'; line: number };

export type PupilNamesResult = { ok: true; names: string[] } | { ok: false; errors: PupilNamesError[] };

// Control characters, and the bidirectional overrides that could make a printed name lie.
const invisible = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

function cleanLine(line: string): string {
	return line.replace(invisible, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Input too large to be 40 names: say whether there are too many lines or which line is too long. */
function oversized(input: string): PupilNamesError {
	const lines = input.split(/\r\n|\r|\n/);
	const count = lines.filter((l) => l.trim()).length;
	if (count > maxPupilNames) return { kind: 'too_many', count };
	return { kind: 'too_long', line: lines.findIndex((l) => l.trim().length > maxPupilNameLength) + 1 };
}

export function parsePupilNames(input: string): PupilNamesResult {
	if (input.length > maxInputLength) return { ok: false, errors: [oversized(input)] };
	const lines = input
		.split(/\r\n|\r|\n/)
		.map((raw, i) => ({ name: cleanLine(raw), line: i + 1 }))
		.filter((l) => l.name !== '');
	if (lines.length === 0) return { ok: false, errors: [{ kind: 'empty' }] };
	if (lines.length > maxPupilNames) return { ok: false, errors: [{ kind: 'too_many', count: lines.length }] };
	const errors: PupilNamesError[] = [];
	for (const { name, line } of lines) {
		if ([...name].length > maxPupilNameLength) errors.push({ kind: 'too_long', line });
		else if (missingGlyphs(name).length > 0) errors.push({ kind: 'unprintable', line });
	}
	return errors.length ? { ok: false, errors } : { ok: true, names: lines.map((l) => l.name) };
}
