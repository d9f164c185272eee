import { firstName } from './trainer-name';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database, InstructionLanguage } from '../../db/schema';
import { clock, fromDbTime, nowDb, toDbTime } from '../../db/time';
import { ForbiddenError } from '../../errors';
import { instructionLanguages } from '../../../domain';
import { addDays, brusselsTimeOf } from '../../../time/brussels';
import * as mine from './trainer-mine.repository';
import { countOpenSlots, listOpenCampuses, listOpenSlots, type OpenCursor, type OpenFilters } from './trainer-open.repository';
import { listClassesOfSlots, listTrainersOfSlots } from '../slots/slot-people.repository';
import { notBookableReasons } from './not-bookable';
import type { SlotCardRow } from './trainer-slot-view.repository';

/** The signed-in trainer as these views need them. */
export type TrainerUser = Actor & { organisationId: number | null };

export function requireTrainer(user: Actor): void {
	if (!user.roles.includes('trainer')) throw new ForbiddenError();
}

/** A slot as the trainer's pages show it: Brussels times, address, classes, who gives it. */
export function slotView(row: SlotCardRow, classes: { name: string; grade: string; pupilCount: number }[]) {
	const startsAt = fromDbTime(row.startsAt);
	const endsAt = fromDbTime(row.endsAt);
	return {
		id: row.id,
		localDate: row.localDate,
		startsAt,
		endsAt,
		startTime: brusselsTimeOf(startsAt),
		endTime: brusselsTimeOf(endsAt),
		room: row.room,
		language: row.language,
		trainersNeeded: row.trainersNeeded,
		stillNeeded: Math.max(0, row.trainersNeeded - row.trainersBooked),
		offeredToAll: row.organisationId === null,
		trainerNote: row.trainerNote,
		status: row.status,
		cancelReason: row.cancelReason,
		outcome: row.outcome,
		campus: { id: row.campusId, name: row.campusName, schoolName: row.schoolName, street: row.street, postalCode: row.postalCode, city: row.city },
		editionName: row.editionName,
		classes: classes.map((c) => ({ name: c.name, grade: c.grade, pupilCount: c.pupilCount })),
		pupils: classes.reduce((sum, c) => sum + c.pupilCount, 0)
	};
}
export type SlotView = ReturnType<typeof slotView>;

/** Rows plus their classes, fetched for the whole list in one query. */
export async function withClasses<R extends SlotCardRow>(db: Kysely<Database>, rows: R[]) {
	const classes = await listClassesOfSlots(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		row: r,
		view: slotView(
			r,
			classes.filter((c) => c.slotId === r.id)
		)
	}));
}

/** Rows plus the first names of everyone booked on them (one query). */
export async function trainerNamesOf(db: Kysely<Database>, slotIds: number[]) {
	const trainers = await listTrainersOfSlots(db, slotIds);
	return (slotId: number) =>
		trainers.filter((t) => t.slotId === slotId).map((t) => ({ id: t.id, firstName: firstName(t.displayName), organisationName: t.organisationName }));
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const validDate = (s: string | null): string | null => (s && datePattern.test(s) && !Number.isNaN(Date.parse(s)) ? s : null);

/** The open list's filters from the query string; anything unreadable is ignored. */
export function parseOpenFilters(q: URLSearchParams): Required<OpenFilters> {
	const campus = Number(q.get('campus'));
	const language = q.get('language');
	return {
		from: validDate(q.get('from')),
		to: validDate(q.get('to')),
		campusId: Number.isInteger(campus) && campus > 0 ? campus : null,
		language: (instructionLanguages as readonly string[]).includes(language ?? '') ? (language as InstructionLanguage) : null
	};
}

/** "after=<start in ms>.<id>": where the previous page of a keyset list ended. */
export function parseCursor(value: string | null): OpenCursor | null {
	const match = /^(\d{1,15})\.(\d{1,12})$/.exec(value ?? '');
	if (!match) return null;
	return { startsAt: toDbTime(new Date(Number(match[1]))), id: Number(match[2]) };
}
export const cursorOf = (slot: { startsAt: string; id: number }) => `${fromDbTime(slot.startsAt).getTime()}.${slot.id}`;

export const openPageSize = 20;

/**
 * Which open slots the list shows: by default only those the trainer can book
 * now; "show=all" also the others, each with the reason it is not bookable.
 */
export type OpenShow = 'bookable' | 'all';
export const parseOpenShow = (q: URLSearchParams): OpenShow => (q.get('show') === 'all' ? 'all' : 'bookable');

/**
 * One page of open slots for the trainer, with the choices of the campus filter
 * (every campus with an open slot for them, bookable or not: the switch can show
 * the rest). Whether a slot is bookable is decided in SQL for the whole page.
 */
export async function openSlotsPage(db: Kysely<Database>, user: TrainerUser, filters: OpenFilters, after: OpenCursor | null, show: OpenShow = 'bookable') {
	requireTrainer(user);
	const scope = { organisationId: user.organisationId, now: nowDb() };
	const [rows, campuses] = await Promise.all([
		listOpenSlots(db, { ...scope, trainer: { id: user.id, show } }, filters, after, openPageSize),
		listOpenCampuses(db, { ...scope, trainer: { id: user.id, show: 'all' } })
	]);
	const page = rows.slice(0, openPageSize);
	const [withClassList, reasonOf] = await Promise.all([withClasses(db, page), notBookableReasons(db, page)]);
	return {
		slots: withClassList.map(({ row, view }) => ({ ...view, notBookable: reasonOf(row) })),
		next: rows.length > openPageSize ? cursorOf(page.at(-1)!) : null,
		campuses,
		show
	};
}
export type OpenSlotView = Awaited<ReturnType<typeof openSlotsPage>>['slots'][number];

/** How a slot in "my workshops" stands for me. */
export type MyState = 'booked' | 'cancelled_by_me' | 'taken_off' | 'slot_cancelled';

function myState(row: mine.MineRow, me: number): MyState {
	if (row.status === 'cancelled') return 'slot_cancelled';
	if (Number(row.booked) === 1) return 'booked';
	return row.endedBy === me ? 'cancelled_by_me' : 'taken_off';
}

async function mineViews(db: Kysely<Database>, rows: mine.MineRow[], me: number) {
	const now = clock.now();
	return (await withClasses(db, rows)).map(({ row, view }) => {
		const state = myState(row, me);
		return { ...view, state, toReport: state === 'booked' && view.startsAt <= now && view.outcome === null };
	});
}
export type MySlotView = Awaited<ReturnType<typeof mineViews>>[number];

/** "My workshops": what is coming, and what is past (paged). */
export async function myWorkshopsPage(db: Kysely<Database>, user: TrainerUser, paging: { page: number; limit: number; offset: number }) {
	requireTrainer(user);
	const now = nowDb();
	const [upcoming, past, pastTotal] = await Promise.all([
		mine.listMyUpcoming(db, user.id, now),
		mine.listMyPast(db, user.id, now, paging),
		mine.countMyPast(db, user.id, now)
	]);
	return {
		upcoming: await mineViews(db, upcoming, user.id),
		past: await mineViews(db, past, user.id),
		page: paging.page,
		pages: Math.max(1, Math.ceil(pastTotal / paging.limit))
	};
}

/** Workshops that have started, that I give, and that nobody has reported yet. */
export async function myToReport(db: Kysely<Database>, user: TrainerUser) {
	requireTrainer(user);
	return (await withClasses(db, await mine.listMyToReport(db, user.id, nowDb()))).map((s) => s.view);
}

/** The trainer's workshops of one week, Monday to Sunday. */
export async function myWeek(db: Kysely<Database>, user: TrainerUser, monday: string) {
	requireTrainer(user);
	return mineViews(db, await mine.listMyBetween(db, user.id, monday, addDays(monday, 6)), user.id);
}

/** The trainer's start page: the next three workshops, how many slots are open, how many to report. */
export async function trainerHome(db: Kysely<Database>, user: TrainerUser) {
	requireTrainer(user);
	const now = nowDb();
	const [next, openCount, toReportCount] = await Promise.all([
		mine.listMyNext(db, user.id, now, 3),
		countOpenSlots(db, { organisationId: user.organisationId, trainer: { id: user.id, show: 'bookable' }, now }),
		mine.countMyToReport(db, user.id, now)
	]);
	return { next: (await withClasses(db, next)).map((s) => s.view), openCount, toReportCount };
}
