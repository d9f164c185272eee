import { levels } from '../../../domain';
import * as m from '../../../paraglide/messages';
import { getLocale } from '../../../paraglide/runtime';
import { importColumns, type FileError } from './parse';
import type { Problem } from './validate';

/** "10.000" in Dutch, "10,000" in English. */
const count = (n: number) => new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'nl-BE').format(n);

/** File-level outcomes in the user's language (called inside the request, so getLocale() is theirs). */
export function fileErrorMessage(error: FileError | { code: 'has_problems'; count: number } | { code: 'no_file' }): string {
	switch (error.code) {
		case 'empty':
			return m.cp_import_error_empty();
		case 'undecodable':
			return m.cp_import_error_undecodable();
		case 'too_large':
			return m.cp_import_error_too_large({ max: error.maxMb });
		case 'header':
			return m.cp_import_error_header({ expected: importColumns.join(';'), found: error.found });
		case 'malformed':
			return m.cp_import_error_malformed({ row: error.row });
		case 'no_rows':
			return m.cp_import_error_no_rows();
		case 'too_many_rows':
			return m.cp_import_error_too_many_rows({ count: count(error.count), max: count(error.max) });
		case 'expired':
			return m.cp_import_error_expired();
		case 'has_problems':
			return m.cp_import_error_has_problems({ count: count(error.count) });
		case 'no_file':
			return m.cp_import_error_no_file();
	}
}

/** One row problem as a sentence that names its column as the header does. */
export function problemMessage(p: Problem): string {
	const column = p.column ?? '';
	const params = p.params ?? {};
	switch (p.code) {
		case 'required':
			return m.cp_problem_required({ column });
		case 'too_long':
			return m.cp_problem_too_long({ column, max: params.max });
		case 'control_chars':
			return m.cp_problem_control_chars({ column });
		case 'instellingsnummer':
			return m.cp_problem_instellingsnummer({ column });
		case 'postal_code':
			return m.cp_problem_postal_code({ column });
		case 'unknown_level':
			return m.cp_problem_unknown_level({ column, value: params.value, allowed: levels.join(', ') });
		case 'email':
			return m.cp_problem_email({ column });
		case 'phone':
			return m.cp_problem_phone({ column });
		case 'extra_cells':
			return m.cp_problem_extra_cells({ max: params.max });
		case 'duplicate':
			return m.cp_problem_duplicate({ row: params.row });
		case 'school_name_differs':
			return m.cp_problem_school_name_differs({ row: params.row });
	}
}
