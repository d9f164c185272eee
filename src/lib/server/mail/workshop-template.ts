import * as m from '../../paraglide/messages';
import type { Locale } from '../db/schema';
import { fromDbTime } from '../db/time';
import { brusselsTimeOf, formatDateTime } from '../../time/brussels';
import type { Parts, WorkshopMailEvent, WorkshopMailParams } from './templates';

type O = { locale: Locale };

const subjects: Record<WorkshopMailEvent, (p: { when: string }, o: O) => string> = {
	booked_self: (p, o) => m.ws_mail_booked_self_subject(p, o),
	assigned: (p, o) => m.ws_mail_assigned_subject(p, o),
	cancelled_self: (p, o) => m.ws_mail_cancelled_self_subject(p, o),
	unassigned: (p, o) => m.ws_mail_unassigned_subject(p, o),
	teacher_trainer_found: (p, o) => m.ws_mail_trainer_found_subject(p, o),
	teacher_trainer_gone: (p, o) => m.ws_mail_trainer_gone_subject(p, o),
	teacher_scheduled: (p, o) => m.ws_mail_scheduled_subject(p, o),
	teacher_unscheduled: (p, o) => m.ws_mail_unscheduled_subject(p, o),
	changed: (p, o) => m.ws_mail_changed_subject(p, o),
	cancelled: (p, o) => m.ws_mail_cancelled_subject(p, o)
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
		case 'changed':
			return m.ws_mail_changed_body({}, o);
		case 'cancelled':
			return m.ws_mail_cancelled_body({}, o);
	}
}

/** A workshop mail: what happened, then when and where, in the recipient's language and Brussels time. */
export function workshopMailParts(p: WorkshopMailParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const when = `${formatDateTime(fromDbTime(p.startsAt), locale)}–${brusselsTimeOf(fromDbTime(p.endsAt))}`;
	const lines = [body(p, o), m.ws_mail_when({ when }, o), m.ws_mail_where({ campus: p.campus, address: p.address }, o)];
	if (p.room) lines.push(m.ws_mail_room({ room: p.room }, o));
	if (p.reason) lines.push(m.ws_mail_reason({ reason: p.reason }, o));
	return {
		subject: subjects[p.event]({ when }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines,
		action: m.ws_mail_action({}, o),
		url: p.url,
		after: '',
		why: m.ntf_why_workshop({}, o),
		campaign: p.campaign
	};
}
