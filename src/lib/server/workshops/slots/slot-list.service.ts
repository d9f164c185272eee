import { listClassesOfSlots, listTrainersOfSlots } from './slot-people.repository';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { clock, toDbTime } from '../../db/time';
import { pageCount } from '../../pagination';
import type { SlotListQuery } from '../../../schemas/slot-filter';
import { addDays, brusselsDateOf } from '../../../time/brussels';
import { clampDate, shownDays, weekParam } from '../../../time/week';
import * as repo from './slot-list.repository';
import { groupBy, localTimes, slotState } from './slot-view';
import { coordinatorEdition } from '../../campaigns/coordinator-edition';

export const slotPageSize = 50;
/** A week view shows at most this many slots; more means: filter by campus. */
export const weekCap = 300;

const editionSummary = (e: Awaited<ReturnType<typeof coordinatorEdition>>) => ({
	id: e.id,
	name: e.name,
	status: e.status,
	workshopStartsOn: e.workshopStartsOn,
	workshopEndsOn: e.workshopEndsOn
});

function filterOf(editionId: number, q: SlotListQuery, now: Date): repo.SlotFilter {
	return { editionId, campusId: q.campus, from: q.from, to: q.to, needsTrainers: q.needs, unreported: q.unreported, now: toDbTime(now) };
}

/** Rows with their classes and trainers: two queries for the whole page. */
async function withPeople(db: Kysely<Database>, rows: repo.SlotListRow[], now: Date) {
	const ids = rows.map((r) => r.id);
	const [classes, trainers] = await Promise.all([listClassesOfSlots(db, ids), listTrainersOfSlots(db, ids)]);
	const classesOf = groupBy(classes, (c) => c.slotId);
	const trainersOf = groupBy(trainers, (t) => t.slotId);
	return rows.map((r) => ({
		id: r.id,
		localDate: r.localDate,
		...localTimes(r),
		campusId: r.campusId,
		campusName: r.campusName,
		schoolName: r.schoolName,
		room: r.room,
		language: r.language,
		trainersNeeded: r.trainersNeeded,
		trainersBooked: r.trainersBooked,
		maxPupils: r.maxPupils,
		offeredTo: r.organisationName,
		state: slotState(r, now),
		classes: (classesOf.get(r.id) ?? []).map((c) => ({ id: c.id, name: c.name, grade: c.grade, pupilCount: c.pupilCount })),
		trainers: (trainersOf.get(r.id) ?? []).map((t) => ({ id: t.id, displayName: t.displayName, organisationName: t.organisationName }))
	}));
}

export type SlotSummary = Awaited<ReturnType<typeof withPeople>>[number];

/** What every view of the list shows around the slots: the campus choices and the unreported count. */
async function surroundings(db: Kysely<Database>, editionId: number, now: Date) {
	const [campuses, unreported] = await Promise.all([
		repo.listCampusesWithSlots(db, editionId),
		repo.countSlots(db, { editionId, unreported: true, now: toDbTime(now) })
	]);
	return { campuses, unreported };
}

/** One page of the edition's slots, in time order, paginated in SQL. */
export async function slotListPage(db: Kysely<Database>, actor: Actor, editionId: number, q: SlotListQuery) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const now = clock.now();
	const where = filterOf(editionId, q, now);
	const total = await repo.countSlots(db, where);
	const pages = pageCount(total, slotPageSize);
	// A page past the end (a stale link after filtering) shows the last one.
	const page = Math.min(q.page, pages);
	const rows = await repo.listSlots(db, where, { limit: slotPageSize, offset: (page - 1) * slotPageSize });
	return {
		edition: editionSummary(edition),
		filter: { ...q, page },
		total,
		page,
		pages,
		slots: await withPeople(db, rows, now),
		...(await surroundings(db, editionId, now))
	};
}

/**
 * One week of the edition's slots as day columns (Monday to Friday, the weekend
 * only when a slot falls on it). Without ?week=, the week of today, or of the
 * workshop period's first or last day when today lies outside it.
 */
export async function slotWeekPage(db: Kysely<Database>, actor: Actor, editionId: number, q: SlotListQuery) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const now = clock.now();
	const today = brusselsDateOf(now);
	const monday = weekParam(q.week, clampDate(today, edition.workshopStartsOn, edition.workshopEndsOn));
	const sunday = addDays(monday, 6);
	const where = { ...filterOf(editionId, q, now), from: q.from && q.from > monday ? q.from : monday, to: q.to && q.to < sunday ? q.to : sunday };
	const rows = await repo.listSlots(db, where, { limit: weekCap + 1, offset: 0 });
	const slots = await withPeople(db, rows.slice(0, weekCap), now);
	const byDay = groupBy(slots, (s) => s.localDate);
	return {
		edition: editionSummary(edition),
		filter: { ...q, week: monday },
		monday,
		today,
		truncated: rows.length > weekCap,
		days: shownDays(monday, (d) => byDay.has(d)).map((date) => ({ date, slots: byDay.get(date) ?? [] })),
		...(await surroundings(db, editionId, now))
	};
}
