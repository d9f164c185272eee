import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { enrolmentPhase } from '../campaigns/edition-rules';
import { findEditionById, listEditionGrades } from '../campaigns/edition.repository';
import { textKey } from '../db/keys';
import type { ClassStatus, Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { pageCount } from '../pagination';
import { grades as allGrades, levelOfGrade, levels as allLevels } from '../../domain';
import type { EnrolmentFilter } from '../../schemas/enrolment-filter';
import { brusselsDateOf } from '../../time/brussels';
import { pageIdsByCampus } from './campus-walk';
import { readClassVersion } from '../enrolments/class-counters.repository';
import {
	countByCampus,
	listCampusOrder,
	listOverviewRows,
	listPageIdsByClass,
	overviewTotals,
	waitingPositions,
	type ClassFilter
} from './enrolment-overview.repository';
import { groupByCampus } from './overview-groups';
import { cachedCampusOrder, cachedChoices, cachedTotals } from './overview-cache';
import { coordinatorEdition } from '../campaigns/coordinator-edition';

export const overviewPageSize = 50;

const defaultStatuses: ClassStatus[] = ['enrolled', 'waiting'];

/** The URL's filter as the repository's conditions; the search is matched on normalised keys. */
export function classFilterOf(editionId: number, filter: EnrolmentFilter): ClassFilter {
	const search = textKey(filter.q);
	const school = textKey(filter.school);
	return {
		editionId,
		statuses: filter.status === 'all' ? [] : filter.status ? [filter.status] : defaultStatuses,
		school: school || undefined,
		level: filter.level,
		grade: filter.grade,
		search: search || undefined
	};
}

/**
 * One page of the coordinator's enrolment overview: totals, rows and filter
 * choices, each aggregated or paginated in SQL (a fixed handful of queries,
 * whatever the page size). Totals and choices are edition-wide figures, cached
 * in the process until a class of the edition is written (overview-cache.ts).
 * The page carries only what it shows.
 */
export async function enrolmentOverview(db: Kysely<Database>, actor: Actor, editionId: number, filter: EnrolmentFilter) {
	const edition = await coordinatorEdition(db, actor, editionId);
	const where = classFilterOf(editionId, filter);
	const version = await readClassVersion(db, editionId);
	const totals = await cachedTotals(editionId, version, totalsKey(where), () => overviewTotals(db, where));
	const pages = pageCount(totals.classes, overviewPageSize);
	// A page past the end (a stale link after filtering) shows the last one.
	const page = Math.min(filter.page, pages);
	// From page 2 on, one row more in front: its campus tells whether the page's first group goes on from the page before.
	const lead = page > 1 ? 1 : 0;
	const paging = { dir: filter.dir, limit: overviewPageSize + lead, offset: (page - 1) * overviewPageSize - lead };
	const ids =
		filter.sort === 'school' || filter.sort === 'campus'
			? await pageIdsByCampus(db, where, {
					sort: filter.sort,
					...paging,
					order: await cachedCampusOrder(editionId, version, JSON.stringify([filter.sort, filter.dir, where.school ?? '']), () =>
						listCampusOrder(db, where, { sort: filter.sort as 'school' | 'campus', dir: filter.dir })
					)
				})
			: await listPageIdsByClass(db, where, { sort: filter.sort, ...paging });
	const read = await listOverviewRows(db, ids);
	const leadId = lead ? ids[0] : undefined;
	const before = read.find((r) => r.id === leadId);
	const rows = read.filter((r) => r.id !== leadId);
	const campusIds = [...new Set(rows.map((r) => r.campusId))];
	const counts = campusIds.length ? await countByCampus(db, where, campusIds) : new Map<number, number>();
	const positions = await waitingPositions(
		db,
		editionId,
		rows.filter((r) => r.status === 'waiting').map((r) => r.id)
	);
	return {
		edition: editionSummary(edition),
		filter: { ...filter, page },
		totals,
		page,
		pages,
		groups: groupByCampus(rows, counts, before?.campusId ?? null),
		rows: rows.map((r) => ({
			id: r.id,
			name: r.name,
			grade: r.grade,
			pupilCount: r.pupilCount,
			language: r.language,
			status: r.status,
			participation: r.participation,
			position: positions.get(r.id) ?? null,
			enrolledOn: brusselsDateOf(fromDbTime(r.createdAt)),
			campusId: r.campusId,
			campusName: r.campusName,
			city: r.city,
			schoolName: r.schoolName
		})),
		choices: await cachedChoices(editionId, version, edition.updatedAt, () => filterChoices(db, editionId))
	};
}

/** The filter's conditions as a cache key (sort and page do not change the totals). */
const totalsKey = (f: ClassFilter) => JSON.stringify([f.statuses, f.school ?? '', f.level ?? '', f.grade ?? '', f.search ?? '']);

function editionSummary(edition: NonNullable<Awaited<ReturnType<typeof findEditionById>>>) {
	return {
		id: edition.id,
		name: edition.name,
		year: edition.year,
		phase: enrolmentPhase(edition, clock.now()),
		opensAt: fromDbTime(edition.enrolmentOpensAt),
		closesAt: fromDbTime(edition.enrolmentClosesAt),
		maxClasses: edition.maxClasses
	};
}

/** Levels and grades the edition is meant for, in the domain's order (schools are searched, not listed). */
async function filterChoices(db: Kysely<Database>, editionId: number) {
	const editionGrades = new Set(await listEditionGrades(db, editionId));
	const grades = allGrades.filter((g) => editionGrades.has(g));
	return {
		levels: allLevels.filter((l) => grades.some((g) => levelOfGrade(g) === l)),
		grades
	};
}
