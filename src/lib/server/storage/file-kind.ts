import { fileTypeFromFile } from 'file-type';
import { ValidationError } from '../errors';
import { extensionOf } from './file-name';

/**
 * The kinds of file a material may be, by extension, with what file-type must find
 * in the bytes. file-type reads DOCX/PPTX from the zip's [Content_Types].xml and
 * ODT/ODP from the zip's "mimetype" entry; a zip it cannot place reports as "zip",
 * which matches nothing here and is refused.
 */
const kinds: Record<string, { detected: readonly string[]; mime: string }> = {
	pdf: { detected: ['pdf'], mime: 'application/pdf' },
	docx: { detected: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
	pptx: { detected: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
	odt: { detected: ['odt'], mime: 'application/vnd.oasis.opendocument.text' },
	odp: { detected: ['odp'], mime: 'application/vnd.oasis.opendocument.presentation' },
	png: { detected: ['png'], mime: 'image/png' },
	jpg: { detected: ['jpg'], mime: 'image/jpeg' },
	jpeg: { detected: ['jpg'], mime: 'image/jpeg' },
	// Phones label MP4 video with several ISO brands; file-type calls some of them m4v.
	mp4: { detected: ['mp4', 'm4v'], mime: 'video/mp4' }
};

export const allowedExtensions = Object.keys(kinds);

/** The Content-Type to serve, after the bytes were checked against the name's extension. */
export async function checkFileKind(file: string, fileName: string): Promise<{ contentType: string }> {
	const extension = extensionOf(fileName);
	const kind = kinds[extension];
	if (!kind) throw new ValidationError('mat_file_type_not_allowed', 'file', { allowed: allowedExtensions.join(', ') });
	const detected = await fileTypeFromFile(file);
	if (!detected || !kind.detected.includes(detected.ext)) throw new ValidationError('mat_file_type_mismatch', 'file', { extension });
	return { contentType: kind.mime };
}
