import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import { formatDate } from '../../../time/brussels';
import type { Parts } from '../parts';

/**
 * The invitation to enrol in an edition, sent to campus contacts (with each
 * campus's code and registration link) and, as a choice, to the teachers of the
 * previous edition (with a link to log in). Someone who is both gets one mail:
 * the login action, with their campuses' codes for colleagues.
 */
export interface SchoolInvitationCampus {
	school: string;
	campus: string;
	/** The campus's invite code, formatted XXXX-XXXX-XXXX. */
	code: string;
	/** /register?code=… on the public origin. */
	url: string;
}

export interface SchoolInvitationParams {
	name: string;
	edition: string;
	/** Brussels calendar dates, YYYY-MM-DD: the first and the last day of enrolment. */
	opensOn: string;
	closesOn: string;
	campuses: SchoolInvitationCampus[];
	/** Set for someone with an account (a previous edition's teacher): /login?next=<the edition's enrol page>. */
	loginUrl: string | null;
	/** Set for a teacher who enrolled classes in the previous edition: its name, for the intro and the "why". */
	previousEdition: string | null;
}

export function schoolInvitationParts(p: SchoolInvitationParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const period = m.si_mail_period({ opens: formatDate(p.opensOn, locale), closes: formatDate(p.closesOn, locale) }, o);
	const campusLines = p.campuses.map((c) => m.si_mail_campus({ school: c.school, campus: c.campus, code: c.code, url: c.url }, o));
	const intro = p.previousEdition
		? m.si_mail_teacher_intro({ city, edition: p.edition, previous: p.previousEdition }, o)
		: m.si_mail_intro({ city, edition: p.edition }, o);
	const first = p.campuses[0];
	const why = p.previousEdition
		? m.si_mail_why_teacher({ edition: p.previousEdition }, o)
		: m.si_mail_why_contact({ campus: first ? `${first.school} – ${first.campus}` : p.edition }, o);
	return {
		subject: m.si_mail_subject({ edition: p.edition, city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [`${intro} ${period}`, ...campusLines, ...(campusLines.length ? [m.si_mail_pass_on({}, o)] : [])],
		action: p.loginUrl ? m.si_mail_action_login({}, o) : m.si_mail_action_register({}, o),
		url: p.loginUrl ?? first?.url ?? '',
		after: p.loginUrl ? m.si_mail_teacher_after({}, o) : m.si_mail_after({}, o),
		why,
		campaign: p.edition
	};
}
