import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Database, Locale } from '../db/schema';
import type { DbTime } from '../db/time';

/**
 * Who is due a reminder or follow-up, read set-based per edition in keyset pages.
 * Each row carries its dedupe key, computed in SQL, and only rows whose key is
 * not yet in the outbox come back (NOT EXISTS on the unique key): a job that runs
 * every minute reads nearly nothing once the mails exist. concat() is SQL on both
 * MySQL/MariaDB and SQLite (3.44+); `||` would be OR on MySQL.
 */

export type MailPreference = 'mailReminders' | 'mailFollowUps';

/** workshopEndsOn: the last Brussels day of the workshop period (YYYY-MM-DD). */
export type JobEdition = Pick<Row<'editions'>, 'id' | 'name' | 'reminderDaysBefore' | 'enrolmentClosesAt' | 'workshopEndsOn'>;

export const listPublishedEditions = (db: Db): Promise<JobEdition[]> =>
	db
		.selectFrom('editions')
		.select(['id', 'name', 'reminderDaysBefore', 'enrolmentClosesAt', 'workshopEndsOn'])
		.where('status', '=', 'published')
		.orderBy('id')
		.execute();

/** The workshop slots a kind of mail is about: which edition, which times, which report state. */
export interface SlotWindow {
	editionId: number;
	/** Brussels days bounding the slots' local_date, so the (edition_id, local_date) index narrows the scan. */
	fromDate: string;
	toDate: string;
	startsAfter?: DbTime;
	startsAtMost?: DbTime;
	endsAfter?: DbTime;
	endsAtMost?: DbTime;
	outcome: 'unreported' | 'given' | 'any';
}

export interface Recipient {
	userId: number;
	email: string;
	displayName: string;
	locale: Locale;
	dedupeKey: string;
}

export interface SlotRecipient extends Recipient {
	slotId: number;
	startsAt: DbTime;
	endsAt: DbTime;
	room: string | null;
	campusId: number;
}

export interface SlotCursor {
	slotId: number;
	userId: number;
}

type SlotEb = ExpressionBuilder<Database, 'workshopSlots' | 'users'>;

function dedupeKey(parts: (string | Expression<unknown>)[]) {
	return sql<string>`concat(${sql.join(parts.map((p) => (typeof p === 'string' ? sql`${p}` : p)))})`;
}

const notQueued = (key: Expression<string>) =>
	sql<SqlBool>`not exists (select 1 from ${sql.table('mailOutbox')} where ${sql.ref('mailOutbox.dedupeKey')} = ${key})`;

function inWindow(eb: SlotEb, w: SlotWindow): Expression<SqlBool> {
	const c: Expression<SqlBool>[] = [
		eb('workshopSlots.editionId', '=', w.editionId),
		eb('workshopSlots.localDate', '>=', w.fromDate),
		eb('workshopSlots.localDate', '<=', w.toDate),
		eb('workshopSlots.status', '=', 'scheduled')
	];
	if (w.startsAfter) c.push(eb('workshopSlots.startsAt', '>', w.startsAfter));
	if (w.startsAtMost) c.push(eb('workshopSlots.startsAt', '<=', w.startsAtMost));
	if (w.endsAfter) c.push(eb('workshopSlots.endsAt', '>', w.endsAfter));
	if (w.endsAtMost) c.push(eb('workshopSlots.endsAt', '<=', w.endsAtMost));
	if (w.outcome === 'unreported') c.push(eb('workshopSlots.outcome', 'is', null));
	if (w.outcome === 'given') c.push(eb('workshopSlots.outcome', '=', 'given'));
	return eb.and(c);
}

/** Wants this kind of mail and may get mail at all. */
const wants = (eb: SlotEb, preference: MailPreference) => eb.and([eb('users.disabled', '=', 0), eb(`users.${preference}`, '=', 1)]);

const after = (eb: SlotEb, cursor: SlotCursor | null) =>
	cursor
		? eb.or([eb('workshopSlots.id', '>', cursor.slotId), eb.and([eb('workshopSlots.id', '=', cursor.slotId), eb('users.id', '>', cursor.userId)])])
		: eb.lit(true);

const slotKey = (prefix: string, withStart: boolean) =>
	dedupeKey([prefix, sql.ref('workshopSlots.id'), ...(withStart ? [':', sql.ref('workshopSlots.startsAt')] : []), ':', sql.ref('users.id')]);

export interface SlotRecipientQuery {
	window: SlotWindow;
	preference: MailPreference;
	/** e.g. "workshop:reminder:"; the key is prefix + slot id (+ ":" + start) + ":" + user id. */
	keyPrefix: string;
	keyWithStart: boolean;
	cursor: SlotCursor | null;
	limit: number;
}

const slotColumns = ['workshopSlots.id as slotId', 'workshopSlots.startsAt', 'workshopSlots.endsAt', 'workshopSlots.room', 'workshopSlots.campusId'] as const;
const userColumns = ['users.id as userId', 'users.email', 'users.displayName', 'users.locale'] as const;

/** Trainers booked (still active) on the slots in the window, one row per slot and trainer. */
export function listSlotTrainers(db: Db, q: SlotRecipientQuery): Promise<SlotRecipient[]> {
	const key = slotKey(q.keyPrefix, q.keyWithStart);
	return db
		.selectFrom('workshopSlots')
		.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.select([...slotColumns, ...userColumns, key.as('dedupeKey')])
		.where('slotTrainers.active', '=', 1)
		.where((eb) => eb.and([inWindow(eb, q.window), wants(eb, q.preference), after(eb, q.cursor), notQueued(key)]))
		.orderBy('workshopSlots.id')
		.orderBy('users.id')
		.limit(q.limit)
		.execute();
}

/** Teachers who enrolled a class (still enrolled) in the slots in the window, one row per slot and teacher. */
export function listSlotTeachers(db: Db, q: SlotRecipientQuery): Promise<SlotRecipient[]> {
	const key = slotKey(q.keyPrefix, q.keyWithStart);
	return db
		.selectFrom('workshopSlots')
		.innerJoin('slotClasses', 'slotClasses.slotId', 'workshopSlots.id')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select([...slotColumns, ...userColumns, key.as('dedupeKey')])
		.distinct()
		.where('classes.status', '=', 'enrolled')
		.where((eb) => eb.and([inWindow(eb, q.window), wants(eb, q.preference), after(eb, q.cursor), notQueued(key)]))
		.orderBy('workshopSlots.id')
		.orderBy('users.id')
		.limit(q.limit)
		.execute();
}

/** Where the slots are: school, campus and address. */
export const listSlotPlaces = (db: Db, slotIds: number[]) =>
	db
		.selectFrom('workshopSlots')
		.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['workshopSlots.id as slotId', 'campuses.name as campus', 'schools.name as school', 'campuses.street', 'campuses.postalCode', 'campuses.city'])
		.where('workshopSlots.id', 'in', slotIds)
		.execute();

/** The enrolled classes of the slots, with the teacher who enrolled each. */
export const listSlotClasses = (db: Db, slotIds: number[]) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.select(['slotClasses.slotId', 'classes.id as classId', 'classes.name', 'classes.enrolledBy'])
		.where('slotClasses.slotId', 'in', slotIds)
		.where('classes.status', '=', 'enrolled')
		.orderBy('classes.nameKey')
		.execute();

/** The trainers still booked on the slots, as teachers know them (first name, organisation). */
export const listSlotTrainerNames = (db: Db, slotIds: number[]) =>
	db
		.selectFrom('slotTrainers')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.leftJoin('organisations', 'organisations.id', 'users.organisationId')
		.select(['slotTrainers.slotId', 'users.displayName', 'organisations.name as organisationName'])
		.where('slotTrainers.slotId', 'in', slotIds)
		.where('slotTrainers.active', '=', 1)
		.orderBy('users.displayName')
		.execute();

/** Teachers with classes still waiting in the edition, one row per teacher, keyset on the user id. */
export function listWaitingTeachers(db: Db, q: { editionId: number; keyPrefix: string; afterUserId: number; limit: number }): Promise<Recipient[]> {
	const key = dedupeKey([q.keyPrefix, sql.ref('users.id')]);
	return db
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.select([...userColumns, key.as('dedupeKey')])
		.distinct()
		.where('classes.editionId', '=', q.editionId)
		.where('classes.status', '=', 'waiting')
		.where('users.disabled', '=', 0)
		.where('users.mailReminders', '=', 1)
		.where('users.id', '>', q.afterUserId)
		.where(notQueued(key))
		.orderBy('users.id')
		.limit(q.limit)
		.execute();
}

/** The waiting classes of these teachers in the edition. */
export const listWaitingClassesOf = (db: Db, editionId: number, teacherIds: number[]) =>
	db
		.selectFrom('classes')
		.select(['classes.enrolledBy', 'classes.name'])
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '=', 'waiting')
		.where('classes.enrolledBy', 'in', teacherIds)
		.orderBy('classes.nameKey')
		.execute();

export interface ClassRecipient extends Recipient {
	classId: number;
	className: string;
	campus: string;
	school: string;
}

/**
 * Enrolled classes of an ended edition whose teacher was not yet told about the
 * class certificate, keyset on the class id. The teacher is the one who enrolled
 * the class and still teaches at its campus: the rule that lets a teacher download.
 */
export function listClassesAwaitingCertificateMail(
	db: Db,
	q: { editionId: number; keyPrefix: string; afterClassId: number; limit: number }
): Promise<ClassRecipient[]> {
	const key = dedupeKey([q.keyPrefix, sql.ref('classes.id')]);
	return db
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.enrolledBy')
		.innerJoin('teacherCampuses', (j) => j.onRef('teacherCampuses.userId', '=', 'users.id').onRef('teacherCampuses.campusId', '=', 'classes.campusId'))
		.innerJoin('userRoles', (j) => j.onRef('userRoles.userId', '=', 'users.id').on('userRoles.role', '=', 'teacher'))
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([...userColumns, key.as('dedupeKey'), 'classes.id as classId', 'classes.name as className', 'campuses.name as campus', 'schools.name as school'])
		.where('classes.editionId', '=', q.editionId)
		.where('classes.status', '=', 'enrolled')
		.where('users.disabled', '=', 0)
		.where('classes.id', '>', q.afterClassId)
		.where(notQueued(key))
		.orderBy('classes.id')
		.limit(q.limit)
		.execute();
}
