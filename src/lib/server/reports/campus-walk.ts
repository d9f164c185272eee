import type { Db } from '../db';
import { countByCampus, listCampusOrder, listClassIdsOfCampuses, type ClassFilter, type SortDirection } from './enrolment-overview.repository';

/**
 * One page of the overview sorted by school or campus, without sorting the
 * edition. An ORDER BY over columns of several tables cannot be read from an
 * index (MariaDB always sorts it, SQLite only walks the indexes with fresh
 * statistics), and sorting 100,000 joined rows per page costs ~0.2 s. Instead:
 * take the campuses in sort order (one row per campus, from the name indexes),
 * count each batch's matching classes with one grouped query until the page is
 * reached, then read the classes of just the campuses the page falls on.
 * Batches start small and double (to 500): the first pages, the ones people
 * look at, fall on a handful of campuses, and counting 500 campuses' classes
 * (~10,000 rows on the Flanders edition) for them was most of a page view.
 */
export async function pageIdsByCampus(
	db: Db,
	f: ClassFilter,
	opts: { sort: 'school' | 'campus'; dir: SortDirection; limit: number; offset: number; batchSize?: number; order?: number[] }
): Promise<number[]> {
	// The caller may pass the campus order it cached (see overview-cache.ts).
	const order = opts.order ?? (await listCampusOrder(db, f, opts));
	let batchSize = opts.batchSize ?? 25;
	const end = opts.offset + opts.limit;
	const onPage: number[] = [];
	// Matching classes of the campuses wholly before the page, and of those on it.
	let before = 0;
	let collected = 0;
	for (let i = 0; i < order.length && before + collected < end; i += batchSize, batchSize = opts.batchSize ?? Math.min(batchSize * 2, 500)) {
		const batch = order.slice(i, i + batchSize);
		const counts = await countByCampus(db, f, batch);
		for (const campusId of batch) {
			const n = counts.get(campusId) ?? 0;
			if (n === 0) continue;
			if (onPage.length === 0 && before + n <= opts.offset) {
				before += n;
				continue;
			}
			onPage.push(campusId);
			collected += n;
			if (before + collected >= end) break;
		}
	}
	if (onPage.length === 0) return [];
	const rank = new Map(onPage.map((id, i) => [id, i]));
	// SQL orders each campus's classes by name; the (stable) sort puts the campuses in walk order.
	const rows = (await listClassIdsOfCampuses(db, f, onPage, opts.dir)).sort((a, b) => rank.get(a.campusId)! - rank.get(b.campusId)!);
	return rows.slice(opts.offset - before, end - before).map((r) => r.id);
}
