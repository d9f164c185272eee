import { ValidationError } from '../errors';

export const fileNameMax = 200;

/**
 * An uploaded file's name is kept only as metadata (the download's suggested name),
 * never used as a path; still, names that look like paths or hide control
 * characters are refused so what the coordinator sees is what teachers get.
 */
export function validateFileName(raw: string | undefined): string {
	const name = (raw ?? '').normalize('NFC').trim();
	if (name === '' || name === '.' || name === '..') throw new ValidationError('mat_file_name_invalid', 'file');
	if (/[/\\]/.test(name)) throw new ValidationError('mat_file_name_invalid', 'file');
	// C0 and C1 control characters, DEL, and bidi overrides that disguise an extension.
	// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
	if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name)) throw new ValidationError('mat_file_name_invalid', 'file');
	if ([...name].length > fileNameMax) throw new ValidationError('mat_file_name_too_long', 'file', { max: fileNameMax });
	return name;
}

/** The lower-cased extension without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
