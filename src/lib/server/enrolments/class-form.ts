import { campusChoiceSchema } from '../../schemas/enrolment';
import { classWithParticipationSchema } from '../../schemas/participation';
import { parseForm } from '../http/forms';

/** Parses the class form plus its campus field, reporting all field errors at once. */
export function parseClassForm(form: FormData) {
	const cls = parseForm(classWithParticipationSchema, form);
	const campus = parseForm(campusChoiceSchema, form);
	if (cls.ok && campus.ok) return { ok: true as const, data: { ...cls.data, campusId: campus.data.campusId } };
	return {
		ok: false as const,
		values: cls.ok ? (campus as { values: Record<string, string> }).values : cls.values,
		errors: { ...(cls.ok ? {} : cls.errors), ...(campus.ok ? {} : campus.errors) }
	};
}
