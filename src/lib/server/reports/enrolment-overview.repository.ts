import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import { containsText } from '../db/like';
import { pupilsReachedSum } from './reach.repository';
import type { ClassStatus, Database, Level } from '../db/schema';

/**
 * SQL of the coordinator's enrolment overview and its exports. Every filter is a
 * condition on `classes` itself (school and search through `campus_id IN (…)`),
 * so counting, totals, paging and export chunks are single-table queries that
 * use the indexes of migrations T1420–T1426; campus and school are read
 * afterwards, for the few rows shown or written.
 */
export interface ClassFilter {
	editionId: number;
	/** Empty: every status. */
	statuses: ClassStatus[];
	/** A normalised key (textKey): part of a school's name, or its instellingsnummer. */
	school?: string;
	level?: Level;
	grade?: string;
	/** A normalised key (textKey), matched anywhere in class, campus or school name. */
	search?: string;
}

export type SortDirection = 'asc' | 'desc';

/** The school filter: a school whose name contains the key, or whose instellingsnummer it is. */
const schoolMatches = (eb: ExpressionBuilder<Database, 'schools'>, key: string) =>
	eb.or([containsText(eb.ref('schools.nameKey'), key), eb('schools.instellingsnummer', '=', key)]);

function filtered(db: Db, f: ClassFilter) {
	return db
		.selectFrom('classes')
		.where('classes.editionId', '=', f.editionId)
		.$if(f.statuses.length > 0, (q) => q.where('classes.status', 'in', f.statuses))
		.$if(f.level !== undefined, (q) => q.where('classes.level', '=', f.level!))
		.$if(f.grade !== undefined, (q) => q.where('classes.grade', '=', f.grade!))
		.$if(!!f.school, (q) =>
			q.where('classes.campusId', 'in', (eb) =>
				eb
					.selectFrom('campuses')
					.innerJoin('schools', 'schools.id', 'campuses.schoolId')
					.select('campuses.id')
					.where((sub) => schoolMatches(sub, f.school!))
			)
		)
		.$if(!!f.search, (q) =>
			q.where((eb) =>
				eb.or([
					containsText(eb.ref('classes.nameKey'), f.search!),
					eb(
						'classes.campusId',
						'in',
						eb
							.selectFrom('campuses')
							.innerJoin('schools', 'schools.id', 'campuses.schoolId')
							.select('campuses.id')
							.where((sub) => sub.or([containsText(sub.ref('campuses.nameKey'), f.search!), containsText(sub.ref('schools.nameKey'), f.search!)]))
					)
				])
			)
		);
}

/**
 * The sort keys of the class columns; `classes.id` always follows as the unique
 * tie-breaker, so each sort is one index of migrations T1421–T1423 (or of the
 * classes table's first migration) read in order.
 */
const classSortKeys = {
	class: ['classes.nameKey'],
	grade: ['classes.grade'],
	pupils: ['classes.pupilCount'],
	// Waiting classes then come in their waiting-list order.
	status: ['classes.status', 'classes.queuedAt'],
	enrolled: ['classes.createdAt']
} as const;
export type ClassSort = keyof typeof classSortKeys;

/**
 * The ids of one page sorted on a class column, in SQL (a deferred join: the
 * details of just these rows are read next). A single-table query that both
 * databases answer by walking one index in order.
 */
export async function listPageIdsByClass(
	db: Db,
	f: ClassFilter,
	opts: { sort: ClassSort; dir: SortDirection; limit: number; offset: number }
): Promise<number[]> {
	let q = filtered(db, f).select('classes.id');
	for (const key of classSortKeys[opts.sort]) q = q.orderBy(key, opts.dir);
	const rows = await q.orderBy('classes.id', opts.dir).limit(opts.limit).offset(opts.offset).execute();
	return rows.map((r) => r.id);
}

/**
 * The edition's campuses that have classes, in the order of a school sort
 * (school name, school, campus name, campus) or a campus sort (campus name,
 * campus): at most one row per campus, from the name indexes.
 */
export async function listCampusOrder(db: Db, f: ClassFilter, opts: { sort: 'school' | 'campus'; dir: SortDirection }): Promise<number[]> {
	const keys =
		opts.sort === 'school' ? (['schools.nameKey', 'schools.id', 'campuses.nameKey', 'campuses.id'] as const) : (['campuses.nameKey', 'campuses.id'] as const);
	let q = db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select('campuses.id')
		.where((eb) =>
			eb.exists(eb.selectFrom('classes').select('classes.id').whereRef('classes.campusId', '=', 'campuses.id').where('classes.editionId', '=', f.editionId))
		)
		.$if(!!f.school, (b) => b.where((eb) => schoolMatches(eb, f.school!)));
	for (const key of keys) q = q.orderBy(key, opts.dir);
	return (await q.execute()).map((r) => r.id);
}

/** How many classes of each of these campuses match the filter (one grouped query on classes_campus_idx). */
export async function countByCampus(db: Db, f: ClassFilter, campusIds: number[]): Promise<Map<number, number>> {
	const rows = await filtered(db, f)
		.select(['classes.campusId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('classes.campusId', 'in', campusIds)
		.groupBy('classes.campusId')
		.execute();
	return new Map(rows.map((r) => [r.campusId, Number(r.n)]));
}

/** The matching classes of a few campuses, by class name then id within each campus. */
export const listClassIdsOfCampuses = (db: Db, f: ClassFilter, campusIds: number[], dir: SortDirection) =>
	filtered(db, f)
		.select(['classes.id', 'classes.campusId'])
		.where('classes.campusId', 'in', campusIds)
		.orderBy('classes.nameKey', dir)
		.orderBy('classes.id', dir)
		.execute();

/** The rows of a page with campus and school, in the order of `ids`. */
export async function listOverviewRows(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('classes')
		.innerJoin('campuses', 'campuses.id', 'classes.campusId')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select([
			'classes.id',
			'classes.name',
			'classes.grade',
			'classes.level',
			'classes.pupilCount',
			'classes.language',
			'classes.status',
			'classes.participation',
			'classes.createdAt',
			'campuses.id as campusId',
			'campuses.name as campusName',
			'campuses.city',
			'schools.id as schoolId',
			'schools.name as schoolName'
		])
		.where('classes.id', 'in', ids)
		.execute();
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The figures at the top of the overview, with the filter applied, in one aggregate query. */
export async function overviewTotals(db: Db, f: ClassFilter) {
	const row = await filtered(db, f)
		.select((eb) => [
			eb.fn.countAll<number>().as('classes'),
			eb.fn
				.count<number>(eb.case().when('classes.status', 'in', ['enrolled', 'waiting']).then(eb.ref('classes.campusId')).end())
				.distinct()
				.as('campuses'),
			eb.fn.sum<number>(eb.case().when('classes.status', '=', 'enrolled').then(1).else(0).end()).as('enrolled'),
			// Pupils reached: reach.repository's definition, as the campus page, certificate and report.
			pupilsReachedSum(eb).as('pupils'),
			eb.fn.sum<number>(eb.case().when('classes.status', '=', 'waiting').then(1).else(0).end()).as('waiting')
		])
		.executeTakeFirstOrThrow();
	// MySQL returns SUM as a string, and NULL when no row matched.
	return {
		classes: Number(row.classes),
		campuses: Number(row.campuses),
		enrolled: Number(row.enrolled ?? 0),
		pupils: Number(row.pupils ?? 0),
		waiting: Number(row.waiting ?? 0)
	};
}

/**
 * Waiting-list positions of some classes, derived from arrival order (queued_at, id)
 * over the edition's whole waiting list: ranked in SQL, returned only for `ids`.
 */
export async function waitingPositions(db: Db, editionId: number, ids: number[]): Promise<Map<number, number>> {
	if (ids.length === 0) return new Map();
	const ranked = db
		.selectFrom('classes')
		.select((eb) => [
			'classes.id',
			eb.fn
				.agg<number>('row_number')
				.over((ob) => ob.orderBy('classes.queuedAt').orderBy('classes.id'))
				.as('position')
		])
		.where('classes.editionId', '=', editionId)
		.where('classes.status', '=', 'waiting');
	const rows = await db.selectFrom(ranked.as('w')).select(['w.id', 'w.position']).where('w.id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/**
 * The next chunk of an export, in id order after `afterId` (keyset, never OFFSET,
 * never one query for everything): a single-table query that walks
 * classes_edition_id_idx. Remarks are deliberately not selected.
 */
export const listExportChunk = (db: Db, f: ClassFilter, afterId: number, limit: number) =>
	filtered(db, f)
		.select([
			'classes.id',
			'classes.campusId',
			'classes.name',
			'classes.grade',
			'classes.level',
			'classes.pupilCount',
			'classes.language',
			'classes.status',
			'classes.participation',
			'classes.createdAt'
		])
		.where('classes.id', '>', afterId)
		.orderBy('classes.id')
		.limit(limit)
		.execute();

/** Campus and school of the campuses in an export chunk, by campus id. */
export async function listCampusDetails(db: Db, campusIds: number[]) {
	if (campusIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.name', 'campuses.postalCode', 'campuses.city', 'schools.name as schoolName', 'schools.instellingsnummer'])
		.where('campuses.id', 'in', campusIds)
		.execute();
	return new Map(rows.map((r) => [r.id, r]));
}
