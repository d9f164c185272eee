import { sql } from 'kysely';
import type { Db } from '../db';
import type { Row } from '../db/rows';
import type { Level } from '../db/schema';
import { campusesReachedCount, classesReachedSum, isReached, pupilsReachedSum } from './reach.repository';

/**
 * SQL of the campaign report. Every function is one set-based query over a whole
 * edition (or the edition and its predecessor at once, grouped by edition), so the
 * report costs the same handful of queries for 10 campuses or 5,000.
 */
const num = (v: unknown): number => Number(v ?? 0);

export type ReportEditionRow = Pick<Row<'editions'>, 'id' | 'campaignId' | 'name' | 'year' | 'status' | 'workshopEndsOn' | 'copiedFromEditionId'> & {
	campaignName: string;
};

/** The edition, the campaign's other editions, in one read: the caller picks the predecessor. */
export async function listCampaignEditions(db: Db, editionId: number): Promise<ReportEditionRow[]> {
	return db
		.selectFrom('editions as e')
		.innerJoin('editions as mine', 'mine.campaignId', 'e.campaignId')
		.innerJoin('campaigns', 'campaigns.id', 'e.campaignId')
		.select(['e.id', 'e.campaignId', 'campaigns.name as campaignName', 'e.name', 'e.year', 'e.status', 'e.workshopEndsOn', 'e.copiedFromEditionId'])
		.where('mine.id', '=', editionId)
		.execute();
}

export interface ClassTotals {
	campuses: number;
	classes: number;
	pupils: number;
}

/** Classes and pupils reached (reach.repository's definition) and their campuses, per edition. */
export async function classTotals(db: Db, editionIds: number[]): Promise<Map<number, ClassTotals>> {
	const rows = await db
		.selectFrom('classes')
		.select((eb) => ['editionId', campusesReachedCount(eb).as('campuses'), classesReachedSum(eb).as('classes'), pupilsReachedSum(eb).as('pupils')])
		.where('editionId', 'in', editionIds)
		.where(isReached)
		.groupBy('editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, { campuses: num(r.campuses), classes: num(r.classes), pupils: num(r.pupils) }]));
}

/** The city's active campuses today (the denominator of the share reached). */
export async function countActiveCampuses(db: Db): Promise<number> {
	const row = await db
		.selectFrom('campuses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('active', '=', 1)
		.executeTakeFirst();
	return num(row?.n);
}

export interface WorkshopTotals {
	planned: number;
	given: number;
	cancelled: number;
	notGiven: number;
	pupilsPresent: number;
}

/** Workshops per edition: planned (every slot), given, cancelled, reported as not given. */
export async function workshopTotals(db: Db, editionIds: number[]): Promise<Map<number, WorkshopTotals>> {
	const given = sql<number>`sum(case when status = 'scheduled' and outcome = 'given' then 1 else 0 end)`;
	const rows = await db
		.selectFrom('workshopSlots')
		.select((eb) => [
			'editionId',
			eb.fn.countAll<number>().as('planned'),
			given.as('given'),
			sql<number>`sum(case when status = 'cancelled' then 1 else 0 end)`.as('cancelled'),
			sql<number>`sum(case when status = 'scheduled' and outcome = 'not_given' then 1 else 0 end)`.as('notGiven'),
			sql<number>`sum(case when status = 'scheduled' and outcome = 'given' then pupils_present else 0 end)`.as('pupilsPresent')
		])
		.where('editionId', 'in', editionIds)
		.groupBy('editionId')
		.execute();
	const totals = (r: (typeof rows)[number]): WorkshopTotals => ({
		planned: num(r.planned),
		given: num(r.given),
		cancelled: num(r.cancelled),
		notGiven: num(r.notGiven),
		pupilsPresent: num(r.pupilsPresent)
	});
	return new Map(rows.map((r) => [r.editionId, totals(r)]));
}

export interface OrganisationWork {
	editionId: number;
	organisationId: number | null;
	organisation: string | null;
	workshops: number;
	/** Sum over given workshops of duration × this organisation's booked trainers. */
	trainerMinutes: number;
}

/** Given workshops and trainer minutes per trainer organisation, per edition. */
export async function organisationWork(db: Db, editionIds: number[]): Promise<OrganisationWork[]> {
	const rows = await db
		.selectFrom('workshopSlots as s')
		.innerJoin('slotTrainers as st', (j) => j.onRef('st.slotId', '=', 's.id').on('st.active', '=', 1))
		.innerJoin('users as u', 'u.id', 'st.trainerId')
		.leftJoin('organisations as o', 'o.id', 'u.organisationId')
		.select((eb) => [
			's.editionId',
			'u.organisationId',
			'o.name as organisation',
			eb.fn.count<number>(sql`distinct ${eb.ref('s.id')}`).as('workshops'),
			eb.fn.sum<number>('s.durationMinutes').as('trainerMinutes')
		])
		.where('s.editionId', 'in', editionIds)
		.where('s.status', '=', 'scheduled')
		.where('s.outcome', '=', 'given')
		.groupBy(['s.editionId', 'u.organisationId', 'o.name'])
		.execute();
	return rows.map((r) => ({ ...r, workshops: num(r.workshops), trainerMinutes: num(r.trainerMinutes) }));
}

/** Material downloads (one per person, material and day) per edition. */
export async function materialDownloadTotals(db: Db, editionIds: number[]): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('materialDownloads as d')
		.innerJoin('materials as mt', 'mt.id', 'd.materialId')
		.select((eb) => ['mt.editionId', eb.fn.countAll<number>().as('n')])
		.where('mt.editionId', 'in', editionIds)
		.groupBy('mt.editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, num(r.n)]));
}

/** Kit items handed out (all items, all units) per edition. */
export async function kitHandedOutTotals(db: Db, editionIds: number[]): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('kitItems')
		.select((eb) => ['editionId', eb.fn.sum<number>('handedOut').as('n')])
		.where('editionId', 'in', editionIds)
		.groupBy('editionId')
		.execute();
	return new Map(rows.map((r) => [r.editionId, num(r.n)]));
}

export interface CampusRow {
	campusId: number;
	school: string;
	campus: string;
	classes: number;
	pupils: number;
}

/** Classes and pupils reached per campus (reach.repository's definition), in school and campus order. */
export async function campusRows(db: Db, editionId: number): Promise<CampusRow[]> {
	const rows = await db
		.selectFrom('classes')
		.innerJoin('campuses as cp', 'cp.id', 'classes.campusId')
		.innerJoin('schools as sc', 'sc.id', 'cp.schoolId')
		.select((eb) => ['classes.campusId', 'sc.name as school', 'cp.name as campus', classesReachedSum(eb).as('classes'), pupilsReachedSum(eb).as('pupils')])
		.where('classes.editionId', '=', editionId)
		.where(isReached)
		.groupBy(['classes.campusId', 'sc.name', 'sc.nameKey', 'cp.name', 'cp.nameKey'])
		.orderBy('sc.nameKey')
		.orderBy('cp.nameKey')
		.orderBy('classes.campusId')
		.execute();
	return rows.map((r) => ({ ...r, classes: num(r.classes), pupils: num(r.pupils) }));
}

/** Given workshops per campus of an edition. */
export async function givenPerCampus(db: Db, editionId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('workshopSlots')
		.select((eb) => ['campusId', eb.fn.countAll<number>().as('n')])
		.where('editionId', '=', editionId)
		.where('status', '=', 'scheduled')
		.where('outcome', '=', 'given')
		.groupBy('campusId')
		.execute();
	return new Map(rows.map((r) => [r.campusId, num(r.n)]));
}

export interface GradeRow {
	level: Level;
	grade: string;
	classes: number;
	pupils: number;
}

/** Classes and pupils reached per level and leerjaar. */
export async function gradeRows(db: Db, editionId: number): Promise<GradeRow[]> {
	const rows = await db
		.selectFrom('classes')
		.select((eb) => ['level', 'grade', classesReachedSum(eb).as('classes'), pupilsReachedSum(eb).as('pupils')])
		.where('editionId', '=', editionId)
		.where(isReached)
		.groupBy(['level', 'grade'])
		.execute();
	return rows.map((r) => ({ ...r, classes: num(r.classes), pupils: num(r.pupils) }));
}

export interface GivenWorkshopRow {
	slotId: number;
	organisation: string | null;
	localDate: string;
	startsAt: string;
	school: string;
	campus: string;
	durationMinutes: number;
	pupilsPresent: number;
	trainers: number;
}

/** Given workshops, one row per workshop and trainer organisation (no notes selected). */
export async function givenWorkshopRows(db: Db, editionId: number): Promise<GivenWorkshopRow[]> {
	const rows = await db
		.selectFrom('workshopSlots as s')
		.innerJoin('slotTrainers as st', (j) => j.onRef('st.slotId', '=', 's.id').on('st.active', '=', 1))
		.innerJoin('users as u', 'u.id', 'st.trainerId')
		.leftJoin('organisations as o', 'o.id', 'u.organisationId')
		.innerJoin('campuses as cp', 'cp.id', 's.campusId')
		.innerJoin('schools as sc', 'sc.id', 'cp.schoolId')
		.select((eb) => [
			's.id as slotId',
			'o.name as organisation',
			's.localDate',
			's.startsAt',
			'sc.name as school',
			'cp.name as campus',
			's.durationMinutes',
			's.pupilsPresent',
			eb.fn.countAll<number>().as('trainers')
		])
		.where('s.editionId', '=', editionId)
		.where('s.status', '=', 'scheduled')
		.where('s.outcome', '=', 'given')
		.groupBy(['s.id', 'u.organisationId', 'o.name', 'o.nameKey', 's.localDate', 's.startsAt', 'sc.name', 'cp.name', 's.durationMinutes', 's.pupilsPresent'])
		// The normalised key: SQLite and MariaDB then agree where "Ça va" goes.
		.orderBy('o.nameKey')
		.orderBy('s.startsAt')
		.orderBy('s.id')
		.execute();
	return rows.map((r) => ({ ...r, durationMinutes: num(r.durationMinutes), pupilsPresent: num(r.pupilsPresent), trainers: num(r.trainers) }));
}

/** The class names of every given workshop of an edition, by slot. */
export async function givenSlotClasses(db: Db, editionId: number): Promise<Map<number, string[]>> {
	const rows = await db
		.selectFrom('slotClasses as sl')
		.innerJoin('workshopSlots as s', 's.id', 'sl.slotId')
		.innerJoin('classes as c', 'c.id', 'sl.classId')
		.select(['sl.slotId', 'c.name'])
		.where('s.editionId', '=', editionId)
		.where('s.status', '=', 'scheduled')
		.where('s.outcome', '=', 'given')
		.orderBy('sl.slotId')
		.orderBy('c.nameKey')
		.execute();
	const bySlot = new Map<number, string[]>();
	for (const r of rows) bySlot.set(r.slotId, [...(bySlot.get(r.slotId) ?? []), r.name]);
	return bySlot;
}
