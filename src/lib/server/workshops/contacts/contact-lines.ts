import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';

/**
 * The shape of a slot's contacts and their plain-text form. A leaf module (messages
 * and types only), so the mail kinds can render contacts without importing queries.
 */
export interface CampusContact {
	name: string | null;
	email: string | null;
	phone: string | null;
}
export interface TeacherContact {
	name: string;
	email: string;
	/** The teacher's classes in this slot. */
	classes: string[];
}
export interface SlotContacts {
	campus: CampusContact | null;
	teachers: TeacherContact[];
}

/** The contacts as plain text lines, for the calendar event's description and the workshop mail. */
export function contactLines(c: SlotContacts, o: { locale: Locale }): string[] {
	const lines: string[] = [];
	if (c.campus) {
		const parts = [c.campus.name, c.campus.email, c.campus.phone].filter((p): p is string => !!p);
		lines.push(m.tcon_text_campus({ contact: parts.join(', ') }, o));
	}
	for (const t of c.teachers) lines.push(m.tcon_text_teacher({ classes: t.classes.join(', '), name: t.name, email: t.email }, o));
	return lines;
}
