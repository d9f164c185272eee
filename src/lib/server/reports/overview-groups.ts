/**
 * The enrolment overview's rows under their campus: one heading per run of rows of
 * the same campus, so school and campus are written once instead of on every row.
 * Sorted by school or campus, each campus is one run; sorted on a class column
 * (grade, pupils…), a campus may come back further down and gets a heading again.
 * A run that goes on from the previous page is marked `continued`, so the page
 * repeats its heading and says so.
 */
export interface CampusOfRow {
	campusId: number;
	schoolName: string;
	campusName: string;
	city: string;
}

export interface OverviewGroup {
	campusId: number;
	schoolName: string;
	campusName: string;
	city: string;
	/** The campus's classes that match the filter, on every page. */
	count: number;
	/** The first run on a page whose campus is also the last row of the page before. */
	continued: boolean;
	/** The run's rows are rows[start, start + size). */
	start: number;
	size: number;
}

export function groupByCampus(rows: readonly CampusOfRow[], counts: ReadonlyMap<number, number>, previousCampusId: number | null): OverviewGroup[] {
	const groups: OverviewGroup[] = [];
	rows.forEach((row, i) => {
		const last = groups.at(-1);
		if (last && last.campusId === row.campusId) {
			last.size++;
			return;
		}
		groups.push({
			campusId: row.campusId,
			schoolName: row.schoolName,
			campusName: row.campusName,
			city: row.city,
			count: counts.get(row.campusId) ?? 0,
			continued: i === 0 && row.campusId === previousCampusId,
			start: i,
			size: 1
		});
	});
	return groups;
}
