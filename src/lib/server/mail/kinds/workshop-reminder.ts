import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';

/**
 * The workshop mails the job runner sends (see src/lib/server/jobs), not a change:
 * the reminder before a workshop, the report reminder after it, and the follow-up
 * with the materials and certificates. They share the workshop mail's frame (when,
 * where; see workshop.ts) and say here what differs: their text, their action and
 * why they come (they can be switched off in the profile).
 */
export type WorkshopReminderEvent = 'reminder' | 'report_due' | 'follow_up';

export const workshopReminderEvents: readonly WorkshopReminderEvent[] = ['reminder', 'report_due', 'follow_up'];

/** What of a workshop mail's params the job mails read. */
export interface WorkshopReminderParams {
	event: WorkshopReminderEvent;
	classes: string;
	trainer: string;
	/** Whether the recipient gives the workshop or enrolled its classes (the reminder and its "why" differ). */
	recipient?: 'trainer' | 'teacher';
	/** Follow-up mails only: where the teaching material is, and each class certificate that can be downloaded. */
	materialsUrl?: string;
	certificates?: { className: string; url: string }[];
}

type O = { locale: Locale };

/** The subject (the city's name follows); without classes it names none rather than "undefined". */
export function workshopReminderSubject(p: WorkshopReminderParams, when: string, o: O): string {
	switch (p.event) {
		case 'reminder':
			return p.recipient === 'teacher' ? m.rem_reminder_teacher_subject({ when, classes: p.classes ?? '' }, o) : m.rem_reminder_trainer_subject({ when }, o);
		case 'report_due':
			return m.rem_report_subject({ when }, o);
		case 'follow_up':
			return m.rem_follow_up_subject({ classes: p.classes ?? '' }, o);
	}
}

export function workshopReminderBody(p: WorkshopReminderParams, o: O): string {
	switch (p.event) {
		case 'reminder':
			if (p.recipient === 'teacher') return m.rem_reminder_teacher_body({ classes: p.classes }, o);
			return p.classes ? m.rem_reminder_trainer_body({ classes: p.classes }, o) : m.rem_reminder_trainer_body_no_classes({}, o);
		case 'report_due':
			return m.rem_report_body({}, o);
		case 'follow_up':
			return m.rem_follow_up_body({ classes: p.classes }, o);
	}
}

/** The extra lines after when and where: who comes (teacher's reminder), and the follow-up's links. */
export function workshopReminderLines(p: WorkshopReminderParams, o: O): string[] {
	if (p.event === 'reminder' && p.recipient === 'teacher')
		return [p.trainer ? m.rem_reminder_trainer_line({ trainer: p.trainer }, o) : m.rem_reminder_no_trainer_yet({}, o)];
	if (p.event === 'follow_up')
		return [
			...(p.materialsUrl ? [m.rem_follow_up_materials({ url: p.materialsUrl }, o)] : []),
			...(p.certificates ?? []).map((c) => m.rem_follow_up_certificate({ className: c.className, url: c.url }, o))
		];
	return [];
}

/** Why this person gets the mail; these also say they can be switched off in the profile. */
export function workshopReminderWhy(p: WorkshopReminderParams, o: O): string {
	switch (p.event) {
		case 'reminder':
			return p.recipient === 'teacher' ? m.rem_why_teacher({ classes: p.classes }, o) : m.rem_why_trainer({}, o);
		case 'report_due':
			return m.rem_why_report({}, o);
		case 'follow_up':
			return m.rem_why_follow_up({ classes: p.classes }, o);
	}
}

/** The reminder points at the workshop like a change mail does; the other two ask for something. */
export function workshopReminderAction(p: WorkshopReminderParams, o: O): string | null {
	if (p.event === 'report_due') return m.rem_report_action({}, o);
	if (p.event === 'follow_up') return m.rem_follow_up_action({}, o);
	return null;
}
