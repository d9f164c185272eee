import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import { fromDbTime } from '../db/time';
import { brusselsTimeOf, formatDateTime } from '../../time/brussels';
import type { Parts, WorkshopMailEvent, WorkshopMailParams } from './templates';

type O = { locale: Locale };

type SubjectInput = { when: string; classes?: string; recipient?: WorkshopMailParams['recipient'] };

const subjects: Record<WorkshopMailEvent, (p: SubjectInput, o: O) => string> = {
	booked_self: (p, o) => m.ws_mail_booked_self_subject(p, o),
	assigned: (p, o) => m.ws_mail_assigned_subject(p, o),
	cancelled_self: (p, o) => m.ws_mail_cancelled_self_subject(p, o),
	unassigned: (p, o) => m.ws_mail_unassigned_subject(p, o),
	teacher_trainer_found: (p, o) => m.ws_mail_trainer_found_subject(p, o),
	teacher_trainer_gone: (p, o) => m.ws_mail_trainer_gone_subject(p, o),
	teacher_scheduled: (p, o) => m.ws_mail_scheduled_subject(p, o),
	teacher_unscheduled: (p, o) => m.ws_mail_unscheduled_subject(p, o),
	class_withdrawn: (p, o) => m.ws_mail_class_withdrawn_subject({ when: p.when, classes: p.classes ?? '' }, o),
	teacher_class_withdrawn: (p, o) => m.ws_mail_teacher_class_withdrawn_subject(p, o),
	changed: (p, o) => m.ws_mail_changed_subject(p, o),
	cancelled: (p, o) => m.ws_mail_cancelled_subject(p, o),
	reminder: (p, o) => (p.recipient === 'teacher' ? m.rem_reminder_teacher_subject({ when: p.when, classes: p.classes ?? '' }, o) : m.rem_reminder_trainer_subject({ when: p.when }, o)),
	report_due: (p, o) => m.rem_report_subject({ when: p.when }, o),
	follow_up: (p, o) => m.rem_follow_up_subject({ classes: p.classes ?? '' }, o)
};

function body(p: WorkshopMailParams, o: O): string {
	switch (p.event) {
		case 'booked_self':
			return m.ws_mail_booked_self_body({}, o);
		case 'assigned':
			return m.ws_mail_assigned_body({}, o);
		case 'cancelled_self':
			return m.ws_mail_cancelled_self_body({}, o);
		case 'unassigned':
			return m.ws_mail_unassigned_body({}, o);
		case 'teacher_trainer_found':
			return m.ws_mail_trainer_found_body({ trainer: p.trainer, classes: p.classes }, o);
		case 'teacher_trainer_gone':
			return m.ws_mail_trainer_gone_body({ classes: p.classes }, o);
		case 'teacher_scheduled':
			return m.ws_mail_scheduled_body({ classes: p.classes }, o);
		case 'teacher_unscheduled':
			return m.ws_mail_unscheduled_body({ classes: p.classes }, o);
		case 'class_withdrawn':
			return m.ws_mail_class_withdrawn_body({ classes: p.classes }, o);
		case 'teacher_class_withdrawn':
			return m.ws_mail_teacher_class_withdrawn_body({ classes: p.classes }, o);
		case 'changed':
			return m.ws_mail_changed_body({}, o);
		case 'cancelled':
			return m.ws_mail_cancelled_body({}, o);
		case 'reminder':
			if (p.recipient === 'teacher') return m.rem_reminder_teacher_body({ classes: p.classes }, o);
			return p.classes ? m.rem_reminder_trainer_body({ classes: p.classes }, o) : m.rem_reminder_trainer_body_no_classes({}, o);
		case 'report_due':
			return m.rem_report_body({}, o);
		case 'follow_up':
			return m.rem_follow_up_body({ classes: p.classes }, o);
	}
}

/** The extra lines of the job mails: who comes (teacher's reminder), and the follow-up's links. */
function jobLines(p: WorkshopMailParams, o: O): string[] {
	if (p.event === 'reminder' && p.recipient === 'teacher')
		return [p.trainer ? m.rem_reminder_trainer_line({ trainer: p.trainer }, o) : m.rem_reminder_no_trainer_yet({}, o)];
	if (p.event === 'follow_up')
		return [
			...(p.materialsUrl ? [m.rem_follow_up_materials({ url: p.materialsUrl }, o)] : []),
			...(p.certificates ?? []).map((c) => m.rem_follow_up_certificate({ className: c.className, url: c.url }, o))
		];
	return [];
}

/** Why this person gets the mail; the job mails also say they can be switched off in the profile. */
function why(p: WorkshopMailParams, o: O): string {
	switch (p.event) {
		case 'reminder':
			return p.recipient === 'teacher' ? m.rem_why_teacher({ classes: p.classes }, o) : m.rem_why_trainer({}, o);
		case 'report_due':
			return m.rem_why_report({}, o);
		case 'follow_up':
			return m.rem_why_follow_up({ classes: p.classes }, o);
		default:
			return m.ntf_why_workshop({}, o);
	}
}

function action(p: WorkshopMailParams, o: O): string {
	if (p.event === 'report_due') return m.rem_report_action({}, o);
	if (p.event === 'follow_up') return m.rem_follow_up_action({}, o);
	return m.ws_mail_action({}, o);
}

/** A workshop mail: what happened, then when and where, in the recipient's language and Brussels time. */
export function workshopMailParts(p: WorkshopMailParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const when = `${formatDateTime(fromDbTime(p.startsAt), locale)}–${brusselsTimeOf(fromDbTime(p.endsAt))}`;
	const lines = [body(p, o), m.ws_mail_when({ when }, o), m.ws_mail_where({ campus: p.campus, address: p.address }, o)];
	if (p.room) lines.push(m.ws_mail_room({ room: p.room }, o));
	if (p.reason) lines.push(m.ws_mail_reason({ reason: p.reason }, o));
	lines.push(...jobLines(p, o));
	return {
		subject: subjects[p.event]({ when, classes: p.classes, recipient: p.recipient }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines,
		action: action(p, o),
		url: p.url,
		after: '',
		why: why(p, o),
		campaign: p.campaign
	};
}
