import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import { fromDbTime } from '../../db/time';
import { brusselsTimeOf, formatDateTime } from '../../../time/brussels';
import type { Parts } from '../parts';
import { contactLines, type SlotContacts } from '../../workshops/contacts/contact-lines';
import {
	workshopReminderAction,
	workshopReminderBody,
	workshopReminderEvents,
	workshopReminderLines,
	workshopReminderSubject,
	workshopReminderWhy,
	type WorkshopReminderEvent,
	type WorkshopReminderParams
} from './workshop-reminder';

/** What happened to a workshop slot, from the point of view of the one who gets the mail. */
export type WorkshopMailEvent =
	| 'booked_self'
	| 'assigned'
	| 'cancelled_self'
	| 'unassigned'
	| 'teacher_trainer_found'
	| 'teacher_trainer_gone'
	| 'teacher_scheduled'
	| 'teacher_unscheduled'
	// A class in the slot was withdrawn from the campaign: the trainers hear of it, and its teacher's calendar drops the event.
	| 'class_withdrawn'
	| 'teacher_class_withdrawn'
	| 'changed'
	| 'cancelled'
	// Sent by the job runner, not by a change: see workshop-reminder.ts.
	| WorkshopReminderEvent;

export interface WorkshopMailParams {
	name: string;
	event: WorkshopMailEvent;
	/** UTC instants (DbTime); rendered in Brussels time in the recipient's language. */
	startsAt: string;
	endsAt: string;
	campus: string;
	address: string;
	room: string;
	classes: string;
	trainer: string;
	reason: string;
	url: string;
	/** Job mails: whether the recipient gives the workshop or enrolled its classes (the reminder and its "why" differ). */
	recipient?: 'trainer' | 'teacher';
	/** Follow-up mails only: where the teaching material is, and each class certificate that can be downloaded. */
	materialsUrl?: string;
	certificates?: { className: string; url: string }[];
	/** Whom a booked trainer meets (issue 18.1): set only for a trainer booked when the mail was queued. */
	contacts?: SlotContacts;
	/** The edition, e.g. "Campaign 2027"; named in the mail's footer. */
	campaign?: string;
}

type O = { locale: Locale };

type ChangeEvent = Exclude<WorkshopMailEvent, WorkshopReminderEvent>;

type SubjectInput = { when: string; classes?: string };

const subjects: Record<ChangeEvent, (p: SubjectInput, o: O) => string> = {
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
	cancelled: (p, o) => m.ws_mail_cancelled_subject(p, o)
};

function body(p: WorkshopMailParams & { event: ChangeEvent }, o: O): string {
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
	}
}

const isReminder = (p: WorkshopMailParams): p is WorkshopMailParams & WorkshopReminderParams => (workshopReminderEvents as string[]).includes(p.event);

/** What differs between a change mail and a job mail: its text, extra lines, action and why. */
function eventText(p: WorkshopMailParams, when: string, o: O) {
	if (isReminder(p))
		return {
			subject: workshopReminderSubject(p, when, o),
			body: workshopReminderBody(p, o),
			extra: workshopReminderLines(p, o),
			action: workshopReminderAction(p, o) ?? m.ws_mail_action({}, o),
			why: workshopReminderWhy(p, o)
		};
	const change = p as WorkshopMailParams & { event: ChangeEvent };
	return {
		subject: subjects[change.event]({ when, classes: p.classes }, o),
		body: body(change, o),
		extra: [],
		action: m.ws_mail_action({}, o),
		why: m.ntf_why_workshop({}, o)
	};
}

/** A workshop mail: what happened, then when and where, in the recipient's language and Brussels time. */
export function workshopMailParts(p: WorkshopMailParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const when = `${formatDateTime(fromDbTime(p.startsAt), locale)}–${brusselsTimeOf(fromDbTime(p.endsAt))}`;
	const text = eventText(p, when, o);
	const lines = [text.body, m.ws_mail_when({ when }, o), m.ws_mail_where({ campus: p.campus, address: p.address }, o)];
	if (p.room) lines.push(m.ws_mail_room({ room: p.room }, o));
	if (p.reason) lines.push(m.ws_mail_reason({ reason: p.reason }, o));
	lines.push(...text.extra);
	if (p.contacts) lines.push(...contactLines(p.contacts, o));
	return {
		subject: text.subject + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines,
		action: text.action,
		url: p.url,
		after: '',
		why: text.why,
		campaign: p.campaign
	};
}
