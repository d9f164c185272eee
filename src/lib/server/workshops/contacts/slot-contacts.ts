import type { Db } from '../../db/index';
import { fromDbTime, type DbTime } from '../../db/time';
import type { SlotContacts } from './contact-lines';
import { isBookedOn, listCampusContactsOfSlots, listClassTeachersOfSlots } from './slot-contacts.repository';

/**
 * Issue 18.1: the trainers booked on a workshop see whom they meet there (the
 * campus's contact person, the teacher of each class), while it is upcoming and
 * for a week after it ended (to follow up). Nobody else gets them: every caller
 * checks the reader's active booking and `contactsWindowOpen` first.
 */
export const contactsDaysAfter = 7;
export type { SlotContacts } from './contact-lines';
export { contactLines } from './contact-lines';

/** Until when a slot's contacts are shown: a week after it ended. */
export const contactsShownUntil = (endsAt: DbTime) => new Date(fromDbTime(endsAt).getTime() + contactsDaysAfter * 86_400_000);

/** A scheduled slot, not more than a week past its end. The caller checks the reader's booking. */
export const contactsWindowOpen = (slot: { status: string; endsAt: DbTime }, now: Date) =>
	slot.status === 'scheduled' && now <= contactsShownUntil(slot.endsAt);

/** The contacts of some slots, one entry per slot. Callers pass only slots the reader may see contacts of. */
export async function contactsOfSlots(db: Db, slotIds: number[]): Promise<Map<number, SlotContacts>> {
	const out = new Map<number, SlotContacts>();
	if (!slotIds.length) return out;
	const [campuses, teachers] = await Promise.all([listCampusContactsOfSlots(db, slotIds), listClassTeachersOfSlots(db, slotIds)]);
	for (const c of campuses) {
		const any = c.contactName || c.contactEmail || c.contactPhone;
		out.set(c.slotId, { campus: any ? { name: c.contactName, email: c.contactEmail, phone: c.contactPhone } : null, teachers: [] });
	}
	for (const t of teachers) {
		const list = out.get(t.slotId)!.teachers;
		const known = list.find((x) => x.email === t.email);
		if (known) known.classes.push(t.className);
		else list.push({ name: t.displayName, email: t.email, classes: [t.className] });
	}
	return out;
}

/** One slot's contacts for one trainer, or null when they are not booked on it or the window closed. */
export async function contactsForTrainer(db: Db, trainerId: number, slot: { id: number; status: string; endsAt: DbTime }, now: Date) {
	if (!contactsWindowOpen(slot, now) || !(await isBookedOn(db, trainerId, slot.id))) return null;
	return (await contactsOfSlots(db, [slot.id])).get(slot.id) ?? null;
}
