import * as m from '../../paraglide/messages';
import { campusChoiceSchema } from '../../schemas/enrolment';
import { classRowFields, classRowSchema, rowCount, rowField, type ClassRow } from '../../schemas/class-rows';
import { participationSchema } from '../../schemas/participation';
import { textKey } from '../db/keys';
import { inFormOrder } from '../../forms/error-summary';
import { parseRecord, formValues, type FieldErrors } from '../http/forms';

/** A filled-in row and the number it has on the page, so a refusal can point at it. */
export type NumberedRow = ClassRow & { row: number };

/**
 * Reads the form of several classes (issue 18.3): the campus, how they take part,
 * and every row that is not left blank, each checked on its own with messages at
 * its own fields. A name twice in the form is refused at the later row, as the
 * database would refuse the second class of that name.
 */
export function parseClassRows(form: FormData) {
	const rows = rowCount(form.get('rows'));
	const errors: FieldErrors = {};
	const campus = parseRecord(campusChoiceSchema, { campusId: form.get('campusId') ?? undefined });
	if (!campus.ok) Object.assign(errors, campus.errors);
	const how = parseRecord(participationSchema, { participation: form.get('participation') ?? undefined });
	if (!how.ok) Object.assign(errors, how.errors);
	const parsed: NumberedRow[] = [];
	const firstRowOfName = new Map<string, number>();
	for (let row = 1; row <= rows; row++) {
		const raw = Object.fromEntries(classRowFields.map((f) => [f, form.get(rowField(row, f)) ?? undefined]));
		// The language has a default, so a row is blank when what a teacher types is empty.
		if (['name', 'grade', 'pupilCount'].every((f) => String(raw[f] ?? '').trim() === '')) continue;
		const result = parseRecord(classRowSchema, raw);
		if (!result.ok) {
			for (const [field, message] of Object.entries(result.errors)) errors[`class-${row}-${field}`] = message;
			continue;
		}
		const key = textKey(result.data.name);
		const earlier = firstRowOfName.get(key);
		if (earlier !== undefined) errors[rowField(row, 'name')] = m.sev_v_same_name({ n: earlier });
		else firstRowOfName.set(key, row);
		parsed.push({ ...result.data, row });
	}
	if (parsed.length === 0 && Object.keys(errors).every((k) => !k.startsWith('class-'))) errors[rowField(1, 'name')] = m.sev_v_none();
	if (Object.keys(errors).length > 0 || !campus.ok || !how.ok) {
		return { ok: false as const, rows, values: formValues(form), errors: inFormOrder(errors, form.keys()) };
	}
	return { ok: true as const, rows, data: { campusId: campus.data.campusId, participation: how.data.participation ?? 'workshop', classes: parsed } };
}
