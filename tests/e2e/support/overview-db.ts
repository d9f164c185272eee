import { read } from './read-db';

/**
 * Read-only look-ups for the coordinator's enrolment overview in the e2e database
 * (`.e2e/app.sqlite`), in the manner of db.ts: a fresh read-only connection per read.
 * The figures the page should show are worked out in JavaScript from the plain rows,
 * not with the app's own queries.
 */

export type ClassStatus = 'enrolled' | 'waiting' | 'withdrawn';

export interface StoredClass {
	id: number;
	name: string;
	school: string;
	schoolId: number;
	campus: string;
	campusId: number;
	grade: string;
	level: string;
	pupils: number;
	status: ClassStatus;
	remarks: string | null;
	/** Place on the waiting list (arrival order over the whole edition), else null. */
	position: number | null;
}

/** Every class of the edition (any status), in enrolment order (id). */
export function editionClasses(editionId: number): StoredClass[] {
	const rows = read(
		(db) =>
			db
				.prepare(
					`select classes.id, classes.name, schools.name as school, schools.id as schoolId, campuses.name as campus, campuses.id as campusId,
					        classes.grade, classes.level, classes.pupil_count as pupils, classes.status, classes.remarks, classes.queued_at as queuedAt
					   from classes join campuses on campuses.id = classes.campus_id join schools on schools.id = campuses.school_id
					  where classes.edition_id = ? order by classes.id`
				)
				.all(editionId) as (Omit<StoredClass, 'position'> & { queuedAt: string })[]
	);
	const waiting = rows.filter((r) => r.status === 'waiting').sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id - b.id));
	return rows.map(({ queuedAt: _queuedAt, ...r }) => ({ ...r, position: r.status === 'waiting' ? waiting.findIndex((w) => w.id === r.id) + 1 : null }));
}

/** The classes the overview lists without a status filter: enrolled and waiting. */
export const activeClasses = (classes: StoredClass[]) => classes.filter((c) => c.status !== 'withdrawn');

/** The four figures at the top of the overview. */
export function overviewTotals(classes: StoredClass[]) {
	const enrolled = classes.filter((c) => c.status === 'enrolled');
	return {
		campuses: new Set(activeClasses(classes).map((c) => c.campusId)).size,
		enrolled: enrolled.length,
		pupils: enrolled.reduce((sum, c) => sum + c.pupils, 0),
		waiting: classes.filter((c) => c.status === 'waiting').length
	};
}
