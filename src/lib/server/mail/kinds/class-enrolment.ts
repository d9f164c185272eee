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
}

export interface ClassWaitingParams extends ClassEnrolmentParams {
	position: number;
}

type Outcome = 'class_enrolled' | 'class_waiting' | 'class_promoted';

function classEnrolmentParts(outcome: Outcome, p: ClassEnrolmentParams & { position?: number }, locale: Locale): Parts {
	const o = { locale };
	const line =
		outcome === 'class_enrolled'
			? m.mail_class_enrolled_body({ className: p.className, edition: p.edition, campus: p.campus }, o)
			: outcome === 'class_waiting'
				? m.mail_class_waiting_body({ className: p.className, edition: p.edition, campus: p.campus, position: p.position! }, o)
				: m.mail_class_promoted_body({ className: p.className, edition: p.edition, campus: p.campus }, o);
	const subject =
		outcome === 'class_enrolled'
			? m.mail_class_enrolled_subject({ className: p.className, edition: p.edition }, o)
			: outcome === 'class_waiting'
				? m.mail_class_waiting_subject({ className: p.className, edition: p.edition }, o)
				: m.mail_class_promoted_subject({ className: p.className, edition: p.edition }, o);
	return {
		subject,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [line],
		action: m.mail_class_action({}, o),
		url: p.url,
		after: m.mail_class_after({}, o),
		why: m.ntf_why_enrolled({ className: p.className }, o),
		campaign: p.edition
	};
}

export const classEnrolledParts = (p: ClassEnrolmentParams, locale: Locale): Parts => classEnrolmentParts('class_enrolled', p, locale);
export const classWaitingParts = (p: ClassWaitingParams, locale: Locale): Parts => classEnrolmentParts('class_waiting', p, locale);
export const classPromotedParts = (p: ClassEnrolmentParams, locale: Locale): Parts => classEnrolmentParts('class_promoted', p, locale);
