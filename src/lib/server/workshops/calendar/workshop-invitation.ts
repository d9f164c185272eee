import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import * as m from '../../../paraglide/messages';
import type { Db } from '../../db/index';
import type { Locale } from '../../db/schema';
import { mailFromAddress } from '../../mail/mail-from';
import { citySettings } from '../../settings/settings.service';
import { calendarProdId, slotEventData } from './calendar-ics';
import { findFeedSlot } from './calendar-events.repository';
import { icsText } from './ics-text';
import type { SlotContacts } from '../contacts/slot-contacts';
import { listClassesOfSlots, listTrainersOfSlots } from '../slots/slot-people.repository';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

export interface InvitationRecipient {
	email: string;
	displayName: string;
	locale: Locale;
	/** A trainer sees the note for trainers; a teacher does not. */
	role: 'trainer' | 'teacher';
	/** The recipient's page of this workshop, as in their mail. */
	url: string;
	/** CANCEL: the slot was cancelled, or the recipient is no longer part of it. */
	method: InvitationMethod;
	/** Whom a trainer booked on the slot meets; the mail's sender decides (see workshop-mail.ts). */
	contacts?: SlotContacts | null;
}

/**
 * What a recipient is told when the slot goes on without them: the feed's line
 * for a trainer, its own for a teacher whose classes left the slot.
 */
const notPartOf = (to: InvitationRecipient, slotCancelled: boolean) => {
	if (to.method === 'REQUEST' || slotCancelled) return null;
	return to.role === 'trainer' ? m.wsc_ics_not_booked({}, { locale: to.locale }) : m.mev_ics_class_unscheduled({}, { locale: to.locale });
};

/**
 * The invitation (.ics) attached to a workshop mail: METHOD:REQUEST or CANCEL with
 * the slot's one event as the calendar feeds build it (same UID, SEQUENCE, times
 * and text), the city as ORGANIZER (the From address of the mail) and the
 * recipient as ATTENDEE. A client that already has the event from the feed or an
 * earlier mail updates or strikes it instead of adding a second one.
 * Reads the slot once; returns a function per recipient.
 */
export async function slotInvitations(db: Db, slotId: number): Promise<(to: InvitationRecipient) => Promise<{ ics: string; method: InvitationMethod }>> {
	const slot = await findFeedSlot(db, slotId);
	if (!slot) throw new Error(`workshop slot ${slotId} not found`);
	const [classes, trainers] = await Promise.all([listClassesOfSlots(db, [slotId], { enrolledOnly: true }), listTrainersOfSlots(db, [slotId])]);
	const organizer = mailFromAddress();
	return async (to) => {
		const o = { locale: to.locale };
		const view = {
			url: to.url,
			notPartOf: notPartOf(to, slot.status === 'cancelled'),
			markOpen: false,
			trainerNote: to.role === 'trainer',
			contacts: to.role === 'trainer' && to.method === 'REQUEST' ? to.contacts : null
		};
		const event = slotEventData(slot, classes, trainers, view, o);
		const cancel = to.method === 'CANCEL';
		const calendar = ical({ prodId: calendarProdId(to.locale), method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
		calendar.createEvent({
			...event,
			status: cancel ? ICalEventStatus.CANCELLED : event.status,
			organizer: { name: (await citySettings(db, to.locale)).cityName, email: organizer },
			attendees: [{ email: to.email, name: to.displayName, role: ICalAttendeeRole.REQ, rsvp: false }]
		});
		return { ics: icsText(calendar), method: to.method };
	};
}
