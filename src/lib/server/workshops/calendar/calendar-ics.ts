import { listClassesOfSlots, listTrainersOfSlots } from '../slots/slot-people.repository';
import ical, { ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { Kysely } from 'kysely';
import * as m from '../../../paraglide/messages';
import { publicOrigin } from '../../config';
import type { Database, Locale } from '../../db/schema';
import type { Download } from '../../http/download';
import { clock, fromDbTime } from '../../db/time';
import { addDays, brusselsDateOf } from '../../../time/brussels';
import * as repo from './calendar-events.repository';
import type { ResolvedFeed } from './calendar-feed.service';
import { icsText } from './ics-text';
import { trainerLabel } from '../trainers/trainer-name';
import { contactLines, contactsOfSlots, contactsWindowOpen, type SlotContacts } from '../contacts/slot-contacts';

/** How far back a trainer's feed reaches: enough for "what did I give this school year". */
const trainerHistoryDays = 183;
/** Suggested refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL); Google and Outlook use their own rhythm anyway. */
const refreshSeconds = 2 * 3600;

type O = { locale: Locale };
export type SlotRow = repo.FeedSlotRow & { booked?: unknown };
export type ClassRow = Awaited<ReturnType<typeof listClassesOfSlots>>[number];
export type TrainerRow = Awaited<ReturnType<typeof listTrainersOfSlots>>[number];

function groupBySlot<T extends { slotId: number }>(rows: T[]): Map<number, T[]> {
	const map = new Map<number, T[]>();
	for (const r of rows) map.set(r.slotId, [...(map.get(r.slotId) ?? []), r]);
	return map;
}

const languageLabel = (l: string, o: O) =>
	l === 'fr' ? m.enrol_lang_fr({}, o) : l === 'en' ? m.enrol_lang_en({}, o) : l === 'de' ? m.enrol_lang_de({}, o) : m.enrol_lang_nl({}, o);

function summaryOf(slot: SlotRow, classes: ClassRow[], open: boolean, o: O): string {
	const names = classes.map((c) => c.name).join(', ');
	const base = names
		? m.wsc_ics_summary_classes({ campaign: slot.campaignName, campus: slot.campusName, classes: names }, o)
		: m.wsc_ics_summary({ campaign: slot.campaignName, campus: slot.campusName }, o);
	return open ? m.wsc_ics_summary_open({ summary: base }, o) : base;
}

function locationOf(slot: SlotRow, o: O): string {
	const place = m.wsc_ics_place({ school: slot.schoolName, campus: slot.campusName }, o);
	const room = slot.room ? `, ${slot.room}` : '';
	return `${place}${room}, ${slot.street}, ${slot.postalCode} ${slot.city}`;
}

function descriptionOf(slot: SlotRow, classes: ClassRow[], trainers: TrainerRow[], view: SlotEventView, o: O): string {
	const lines: string[] = [];
	if (slot.status === 'cancelled') lines.push(m.wsc_ics_cancelled({}, o));
	else if (view.notPartOf) lines.push(view.notPartOf);
	lines.push(
		classes.length
			? m.wsc_ics_classes({ classes: classes.map((c) => m.wsc_ics_class({ name: c.name, grade: c.grade, pupils: c.pupilCount }, o)).join(', ') }, o)
			: m.wsc_ics_no_classes({}, o)
	);
	lines.push(trainers.length ? m.wsc_ics_trainers({ trainers: trainers.map(trainerLabel).join(', ') }, o) : m.wsc_ics_no_trainer({}, o));
	const missing = slot.trainersNeeded - trainers.length;
	if (missing > 0 && trainers.length) lines.push(m.wsc_ics_trainers_missing({ count: missing }, o));
	lines.push(m.wsc_ics_language({ language: languageLabel(slot.language, o) }, o));
	if (slot.trainerNote && view.trainerNote) lines.push(m.wsc_ics_note({ note: slot.trainerNote }, o));
	if (view.contacts && !view.notPartOf && slot.status !== 'cancelled') lines.push(...contactLines(view.contacts, o));
	lines.push(m.wsc_ics_link({ url: view.url }, o));
	return lines.join('\n');
}

/** `workshop-<id>@<host>`: the same slot keeps the same UID in every feed and after every regeneration. */
export const eventUid = (slotId: number) => `workshop-${slotId}@${new URL(publicOrigin()).hostname}`;

export const calendarProdId = (locale: Locale) => ({ company: 'Schoolcampagnes', product: 'workshops', language: locale.toUpperCase() });

/** How one reader sees a slot: a feed's owner, or the recipient of a workshop mail. */
export interface SlotEventView {
	/** The reader's page of the workshop. */
	url: string;
	/** Said when the reader is no longer part of the slot (it then shows as cancelled for them); null while they are. */
	notPartOf: string | null;
	/** The edition feed marks slots that still need a trainer. */
	markOpen: boolean;
	/** The coordinator's note for the trainer, for trainers and coordinators only. */
	trainerNote: boolean;
	/** Whom a booked trainer meets (issue 18.1); only ever set for a trainer booked on the slot, in its window. */
	contacts?: SlotContacts | null;
}

/**
 * One slot as an event: the same UID, SEQUENCE, times and text in the feeds and in
 * the invitations attached to workshop mails, so a calendar client takes them for
 * one event. Cancelled slots, and slots the reader is no longer part of, keep
 * their event with STATUS:CANCELLED.
 */
export function slotEventData(slot: SlotRow, classes: ClassRow[], trainers: TrainerRow[], view: SlotEventView, o: O): ICalEventData {
	const cancelled = slot.status === 'cancelled' || view.notPartOf !== null;
	return {
		id: eventUid(slot.id),
		sequence: slot.sequence,
		start: fromDbTime(slot.startsAt),
		end: fromDbTime(slot.endsAt),
		stamp: fromDbTime(slot.updatedAt),
		lastModified: fromDbTime(slot.updatedAt),
		summary: summaryOf(slot, classes, view.markOpen && !cancelled && trainers.length < slot.trainersNeeded, o),
		location: locationOf(slot, o),
		description: descriptionOf(slot, classes, trainers, view, o),
		url: view.url,
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	};
}

async function slotsOf(db: Kysely<Database>, feed: ResolvedFeed): Promise<SlotRow[]> {
	if (feed.editionId !== null) return repo.listEditionFeedSlots(db, feed.editionId);
	const from = addDays(brusselsDateOf(clock.now()), -trainerHistoryDays);
	return repo.listTrainerFeedSlots(db, feed.userId, from);
}

async function calendarName(db: Kysely<Database>, feed: ResolvedFeed, o: O): Promise<string> {
	if (feed.editionId === null) return m.wsc_ics_calendar_trainer({ app: m.app_name({}, o) }, o);
	const edition = await repo.findEditionName(db, feed.editionId);
	return m.wsc_ics_calendar_edition({ edition: edition?.name ?? '' }, o);
}

/**
 * The iCalendar text of a feed, in its owner's language. Instants go in as UTC
 * Dates and no time zone is set, so every DTSTART is a UTC "…Z" time that no
 * client can shift by an hour. Cancelled slots (and, in a trainer's feed, slots
 * they no longer give) stay with STATUS:CANCELLED, so subscribed calendars strike
 * them through instead of keeping a stale copy.
 */
export async function buildFeedCalendar(db: Kysely<Database>, feed: ResolvedFeed): Promise<string> {
	const o: O = { locale: feed.locale };
	const slots = await slotsOf(db, feed);
	const ids = slots.map((s) => s.id);
	const [classRows, trainerRows, name] = await Promise.all([
		listClassesOfSlots(db, ids, { enrolledOnly: true }),
		listTrainersOfSlots(db, ids),
		calendarName(db, feed, o)
	]);
	const classes = groupBySlot(classRows);
	const trainers = groupBySlot(trainerRows);
	const calendar = ical({ name, ttl: refreshSeconds, prodId: calendarProdId(feed.locale) });
	const origin = publicOrigin();
	const isTrainerFeed = feed.editionId === null;
	// Only the feed's owner's own bookings, and only until a week after each workshop.
	const now = clock.now();
	const contacts = await contactsOfSlots(db, isTrainerFeed ? slots.filter((s) => Number(s.booked) && contactsWindowOpen(s, now)).map((s) => s.id) : []);
	for (const slot of slots) {
		const notMine = isTrainerFeed && !Number(slot.booked);
		const url = isTrainerFeed ? `${origin}/trainer/workshops/${slot.id}` : `${origin}/coordinator/editions/${slot.editionId}/workshops/${slot.id}`;
		const view = { url, notPartOf: notMine ? m.wsc_ics_not_booked({}, o) : null, markOpen: !isTrainerFeed, trainerNote: true, contacts: contacts.get(slot.id) };
		calendar.createEvent(slotEventData(slot, classes.get(slot.id) ?? [], trainers.get(slot.id) ?? [], view, o));
	}
	return icsText(calendar);
}

/** A feed as a download: private, and kept by the calendar app for at most 15 minutes. */
export async function feedCalendarDownload(db: Kysely<Database>, feed: ResolvedFeed): Promise<Download> {
	return {
		filename: 'workshops.ics',
		contentType: 'text/calendar; charset=utf-8',
		body: await buildFeedCalendar(db, feed),
		cacheControl: 'private, max-age=900'
	};
}
