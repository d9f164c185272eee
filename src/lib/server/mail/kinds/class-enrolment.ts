import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/**
 * Where a class enrolment ended up: enrolled, on the waiting list (at a
 * position), or promoted from it. Three templates with one frame.
 */
export interface ClassEnrolmentParams {
	name: string;
	className: string;
	edition: string;
	campus: string;
	url: string;
	/** A materials-only class (issue 17.5): the mail promises no workshop. Absent in mails queued before. */
	materialsOnly?: boolean;
}

export interface ClassWaitingParams extends ClassEnrolmentParams {
	position: number;
}

type O = { locale: Locale };

function classEnrolmentParts(p: ClassEnrolmentParams, text: { subject: string; line: string }, o: O): Parts {
	return {
		subject: text.subject,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [text.line],
		action: m.mail_class_action({}, o),
		url: p.url,
		after: m.mail_class_after({}, o),
		why: m.ntf_why_enrolled({ className: p.className }, o),
		campaign: p.edition
	};
}

export function classEnrolledParts(p: ClassEnrolmentParams, locale: Locale): Parts {
	const o = { locale };
	return classEnrolmentParts(
		p,
		{
			subject: m.mail_class_enrolled_subject({ className: p.className, edition: p.edition }, o),
			line: (p.materialsOnly ? m.mo_mail_enrolled_body : m.mail_class_enrolled_body)({ className: p.className, edition: p.edition, campus: p.campus }, o)
		},
		o
	);
}

export function classWaitingParts(p: ClassWaitingParams, locale: Locale): Parts {
	const o = { locale };
	return classEnrolmentParts(
		p,
		{
			subject: m.mail_class_waiting_subject({ className: p.className, edition: p.edition }, o),
			line: m.mail_class_waiting_body({ className: p.className, edition: p.edition, campus: p.campus, position: p.position }, o)
		},
		o
	);
}

export function classPromotedParts(p: ClassEnrolmentParams, locale: Locale): Parts {
	const o = { locale };
	return classEnrolmentParts(
		p,
		{
			subject: m.mail_class_promoted_subject({ className: p.className, edition: p.edition }, o),
			line: m.mail_class_promoted_body({ className: p.className, edition: p.edition, campus: p.campus }, o)
		},
		o
	);
}
