import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** A class's workshop was given: its teacher is asked to evaluate it (issue 19.1). */
export interface TeacherEvaluationParams {
	name: string;
	className: string;
	campus: string;
	edition: string;
	url: string;
}

export function teacherEvaluationParts(p: TeacherEvaluationParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.tev_mail_subject({ className: p.className, edition: p.edition }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.tev_mail_body({ className: p.className, campus: p.campus }, o), m.tev_mail_how({}, o)],
		action: m.tev_mail_action({}, o),
		url: p.url,
		after: '',
		why: m.ntf_why_enrolled({ className: p.className }, o),
		campaign: p.edition
	};
}
