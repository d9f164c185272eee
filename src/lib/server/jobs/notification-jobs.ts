import type { Db } from '../db';
import { publicOrigin } from '../config';
import { days, fromDbTime, toDbTime } from '../db/time';
import { enqueueMailOnce } from '../mail/outbox';
import type { WorkshopMailParams } from '../mail/kinds/workshop';
import { brusselsDateOf } from '../../time/brussels';
import { trainerLabel } from '../workshops/trainers/trainer-name';
import { slotInvitations } from '../workshops/calendar/workshop-invitation';
import { certificateMailKeyPrefix, queueCertificateMail } from '../certificates/certificate-mail';
import * as repo from './notification-candidates.repository';
import type { JobEdition, SlotCursor, SlotRecipient, SlotRecipientQuery, SlotWindow } from './notification-candidates.repository';

/**
 * Reminders and follow-ups, created by the job runner every minute in every app
 * process. Each mail has a dedupe key and goes through enqueueMailOnce, so it is
 * created once however often and however concurrently this runs. When each fires
 * (N = the edition's reminderDaysBefore; only published editions, scheduled slots,
 * users not disabled):
 *
 * - workshop reminder (users.mailReminders): from N days before the start until
 *   the start, to each trainer still booked and each teacher of an enrolled class,
 *   with the event attached again (REQUEST).
 *   Never after the start. The key holds the start instant: a moved workshop is
 *   reminded again.
 * - report reminder (users.mailReminders): from 2 days after the end, while the
 *   slot has no report, to its booked trainers. It counts as a reminder, not a
 *   required mail: the profile promises "reminders before and after workshops",
 *   and a trainer who switches it off is still chased where it matters (the
 *   coordinators' "not reported" filter). Once per slot and trainer.
 * - follow-up (users.mailFollowUps): a day after the end of a workshop a trainer
 *   reported given, to each teacher of its classes: teaching materials and, per
 *   class, the certificate (a given workshop is what makes it downloadable). An
 *   unreported or not-given workshop gets none: we do not thank for what did not
 *   happen. Once per slot and teacher.
 * - waiting-list notice (users.mailReminders): in the last 7 days before
 *   enrolment closes, to each teacher with classes still waiting, listing them.
 *   Once per edition, closing instant and teacher (a postponed close notifies again).
 *
 * - certificate at the edition's end: the day after the workshop period ends,
 *   every enrolled class's certificate can be downloaded (given workshop or not),
 *   so each teacher who was not yet told (when a workshop was reported given) is
 *   told now. Same template and dedupe key as that mail: once per class, ever.
 *   Required, like the mail at the report; for 30 days after the period ends.
 *
 * Mails after a workshop stop 30 days after its end: a first deployment, or a job
 * that was down for weeks, must not send mail about long-past workshops.
 */

export interface NotificationCounts {
	reminders: number;
	reportReminders: number;
	followUps: number;
	waitingNotices: number;
	certificates: number;
}

/** Candidates read per query; tests pass a tiny page to walk the keyset. */
const defaultPageSize = 500;
const reportDueAfter = days(2);
/**
 * The follow-up waits a day after the end: the certificate mail went out when the
 * workshop was reported given, and the teacher should not get two mails within the
 * hour; the next day, "continue in class with these materials" is the point.
 */
const followUpAfter = days(1);
const afterWorkshopLimit = days(30);
const waitingNoticeBefore = days(7);

export async function createDueNotifications(db: Db, now: Date, opts: { pageSize?: number } = {}): Promise<NotificationCounts> {
	const pageSize = opts.pageSize ?? defaultPageSize;
	const counts: NotificationCounts = { reminders: 0, reportReminders: 0, followUps: 0, waitingNotices: 0, certificates: 0 };
	for (const edition of await repo.listPublishedEditions(db)) {
		const job: Job = { db, edition, now, pageSize };
		counts.reminders += await workshopReminders(job);
		counts.reportReminders += await reportReminders(job);
		counts.followUps += await followUps(job);
		counts.waitingNotices += await waitingListNotices(job);
		counts.certificates += await certificatesAtEditionEnd(job);
	}
	return counts;
}

/** One edition's run: where, which edition, at what moment, and how many candidates a query reads. */
interface Job {
	db: Db;
	edition: JobEdition;
	now: Date;
	pageSize: number;
}

const at = (now: Date, offsetMs: number) => new Date(now.getTime() + offsetMs);

function window(editionId: number, from: Date, to: Date, rest: Partial<SlotWindow> & Pick<SlotWindow, 'outcome'>): SlotWindow {
	// A workshop lies within one Brussels day; the day before `from` covers one that started then.
	return { editionId, fromDate: brusselsDateOf(at(from, -days(1))), toDate: brusselsDateOf(to), ...rest };
}

async function workshopReminders({ db, edition, now, pageSize }: Job): Promise<number> {
	const until = at(now, days(edition.reminderDaysBefore));
	const w = window(edition.id, now, until, { startsAfter: toDbTime(now), startsAtMost: toDbTime(until), outcome: 'any' });
	const base = { window: w, preference: 'mailReminders', keyPrefix: 'workshop:reminder:', keyWithStart: true, limit: pageSize } as const;
	return (
		(await eachPage(
			(q) => repo.listSlotTrainers(db, q),
			base,
			(rows) => sendSlotMails(db, edition, rows, 'reminder', 'trainer')
		)) +
		(await eachPage(
			(q) => repo.listSlotTeachers(db, q),
			base,
			(rows) => sendSlotMails(db, edition, rows, 'reminder', 'teacher')
		))
	);
}

async function reportReminders({ db, edition, now, pageSize }: Job): Promise<number> {
	const endsAtMost = at(now, -reportDueAfter);
	const endsAfter = at(now, -afterWorkshopLimit);
	const w = window(edition.id, endsAfter, endsAtMost, { endsAfter: toDbTime(endsAfter), endsAtMost: toDbTime(endsAtMost), outcome: 'unreported' });
	const base = { window: w, preference: 'mailReminders', keyPrefix: 'workshop:report_due:', keyWithStart: false, limit: pageSize } as const;
	return eachPage(
		(q) => repo.listSlotTrainers(db, q),
		base,
		(rows) => sendSlotMails(db, edition, rows, 'report_due', 'trainer')
	);
}

async function followUps({ db, edition, now, pageSize }: Job): Promise<number> {
	const endsAfter = at(now, -afterWorkshopLimit);
	const endsAtMost = at(now, -followUpAfter);
	const w = window(edition.id, endsAfter, endsAtMost, { endsAfter: toDbTime(endsAfter), endsAtMost: toDbTime(endsAtMost), outcome: 'given' });
	const base = { window: w, preference: 'mailFollowUps', keyPrefix: 'workshop:follow_up:', keyWithStart: false, limit: pageSize } as const;
	return eachPage(
		(q) => repo.listSlotTeachers(db, q),
		base,
		(rows) => sendSlotMails(db, edition, rows, 'follow_up', 'teacher')
	);
}

/** Reads candidates page by page (keyset on slot and user) and sends each page's mails; returns how many were created. */
async function eachPage(
	list: (q: SlotRecipientQuery) => Promise<SlotRecipient[]>,
	base: Omit<SlotRecipientQuery, 'cursor'>,
	send: (rows: SlotRecipient[]) => Promise<number>
): Promise<number> {
	let cursor: SlotCursor | null = null;
	let created = 0;
	for (;;) {
		const rows = await list({ ...base, cursor });
		if (rows.length) created += await send(rows);
		if (rows.length < base.limit) return created;
		const last = rows[rows.length - 1];
		cursor = { slotId: last.slotId, userId: last.userId };
	}
}

const groupBy = <T, K>(rows: T[], keyOf: (row: T) => K) => {
	const map = new Map<K, T[]>();
	for (const row of rows) {
		const key = keyOf(row);
		const list = map.get(key);
		if (list) list.push(row);
		else map.set(key, [row]);
	}
	return map;
};

/** One page of workshop mails: the page's places, classes and trainers in three queries, then one insert per mail. */
async function sendSlotMails(
	db: Db,
	edition: JobEdition,
	rows: SlotRecipient[],
	event: 'reminder' | 'report_due' | 'follow_up',
	recipient: 'trainer' | 'teacher'
): Promise<number> {
	const slotIds = [...new Set(rows.map((r) => r.slotId))];
	const places = new Map((await repo.listSlotPlaces(db, slotIds)).map((p) => [p.slotId, p]));
	const classes = groupBy(await repo.listSlotClasses(db, slotIds), (c) => c.slotId);
	const trainers = recipient === 'teacher' && event === 'reminder' ? groupBy(await repo.listSlotTrainerNames(db, slotIds), (t) => t.slotId) : new Map();
	const origin = publicOrigin();
	// A reminder carries the event again (REQUEST, the slot's current SEQUENCE): one tap puts back a deleted event.
	const invitations = new Map<number, Awaited<ReturnType<typeof slotInvitations>>>();
	const invitationFor = async (slotId: number) => {
		let invitation = invitations.get(slotId);
		if (!invitation) invitations.set(slotId, (invitation = await slotInvitations(db, slotId)));
		return invitation;
	};
	let created = 0;
	for (const row of rows) {
		const place = places.get(row.slotId)!;
		const slotClasses = classes.get(row.slotId) ?? [];
		const own = recipient === 'teacher' ? slotClasses.filter((c) => c.enrolledBy === row.userId) : slotClasses;
		const params: WorkshopMailParams = {
			name: row.displayName,
			event,
			recipient,
			startsAt: row.startsAt,
			endsAt: row.endsAt,
			campus: `${place.school} – ${place.campus}`,
			address: `${place.street}, ${place.postalCode} ${place.city}`,
			room: row.room ?? '',
			classes: own.map((c) => c.name).join(', '),
			trainer: (trainers.get(row.slotId) ?? []).map(trainerLabel).join(', '),
			reason: '',
			url: recipient === 'trainer' ? `${origin}/trainer/workshops/${row.slotId}` : `${origin}/teacher`,
			campaign: edition.name
		};
		if (event === 'follow_up') {
			params.materialsUrl = `${origin}/teacher/materials#edition-${edition.id}`;
			params.url = params.materialsUrl;
			// The class page holds the certificate downloads (and sends a logged-out teacher through the login first).
			params.certificates = own.map((c) => ({ className: c.name, url: `${origin}/teacher/classes/${c.classId}#certificates-heading` }));
		}
		const mail = { template: 'workshop', params } as const;
		const calendar =
			event === 'reminder'
				? await (
						await invitationFor(row.slotId)
					)({ email: row.email, displayName: row.displayName, locale: row.locale, role: recipient, url: params.url, method: 'REQUEST' })
				: undefined;
		if (await enqueueMailOnce(db, { recipient: row.email, locale: row.locale, mail, dedupeKey: row.dedupeKey, calendar })) created++;
	}
	return created;
}

async function waitingListNotices({ db, edition, now, pageSize }: Job): Promise<number> {
	const closesAt = fromDbTime(edition.enrolmentClosesAt);
	if (now >= closesAt || now < at(closesAt, -waitingNoticeBefore)) return 0;
	const keyPrefix = `waiting_list_notice:${edition.id}:${toDbTime(closesAt)}:`;
	const url = `${publicOrigin()}/teacher`;
	let afterUserId = 0;
	let created = 0;
	for (;;) {
		const teachers = await repo.listWaitingTeachers(db, { editionId: edition.id, keyPrefix, afterUserId, limit: pageSize });
		if (!teachers.length) return created;
		const classes = groupBy(
			await repo.listWaitingClassesOf(
				db,
				edition.id,
				teachers.map((t) => t.userId)
			),
			(c) => c.enrolledBy
		);
		for (const t of teachers) {
			const names = (classes.get(t.userId) ?? []).map((c) => c.name).join(', ');
			const params = { name: t.displayName, classes: names, edition: edition.name, closesAt: toDbTime(closesAt), url };
			const mail = { template: 'waiting_list_notice', params } as const;
			if (await enqueueMailOnce(db, { recipient: t.email, locale: t.locale, mail, dedupeKey: t.dedupeKey })) created++;
		}
		if (teachers.length < pageSize) return created;
		afterUserId = teachers[teachers.length - 1].userId;
	}
}

async function certificatesAtEditionEnd({ db, edition, now, pageSize }: Job): Promise<number> {
	const today = brusselsDateOf(now);
	// editionEnded(): the period is over once its last day has passed in Brussels.
	if (edition.workshopEndsOn >= today || edition.workshopEndsOn < brusselsDateOf(at(now, -afterWorkshopLimit))) return 0;
	const keyPrefix = certificateMailKeyPrefix(edition.id);
	let afterClassId = 0;
	let created = 0;
	for (;;) {
		const rows = await repo.listClassesAwaitingCertificateMail(db, { editionId: edition.id, keyPrefix, afterClassId, limit: pageSize });
		for (const r of rows) if (await queueCertificateMail(db, { ...r, editionId: edition.id, edition: edition.name }, 'edition_ended')) created++;
		if (rows.length < pageSize) return created;
		afterClassId = rows[rows.length - 1].classId;
	}
}
