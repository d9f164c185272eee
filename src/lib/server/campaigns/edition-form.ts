import { editionSchema } from '../../schemas/edition';
import { formValues, parseForm } from '../http/forms';

/**
 * Parses the edition form. The grade checkboxes post one `grades` key per ticked
 * box; afterwards they are folded into one comma list in the form data, so that
 * the values sent back after a failure (and by failFromError) tick them again.
 */
export function parseEditionForm(form: FormData) {
	const parsed = parseForm(editionSchema, form, { lists: ['grades'] });
	form.set('grades', form.getAll('grades').join(','));
	return parsed.ok ? parsed : { ...parsed, values: formValues(form) };
}
