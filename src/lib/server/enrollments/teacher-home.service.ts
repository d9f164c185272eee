import type { Kysely } from 'kysely';
import { editionForDisplay } from '../campaigns/edition-view';
import { publishedEditions } from '../campaigns/published-editions';
import { listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database, Level } from '../db/schema';
import { clock } from '../db/time';
import { levelOfGrade } from '../../domain';
import { listClassesOfCampuses, waitingPositions } from './class-view.repository';
import { waitReasons } from './quota';

/**
 * The teacher's start page: their campuses, the published editions meant for
 * those campuses' levels, their own classes (editable) and their colleagues'
 * classes at the same campuses (read-only). Never another campus's classes.
 * Each row carries only what the page shows: a teacher can have a hundred.
 */
export async function teacherHome(db: Kysely<Database>, userId: number) {
	const campuses = await listCampusesOfTeacher(db, userId);
	const campusIds = campuses.map((c) => c.id);
	const [levels, published, classes] = await Promise.all([
		campusIds.length ? db.selectFrom('campusLevels').select(['campusId', 'level']).where('campusId', 'in', campusIds).execute() : [],
		publishedEditions(db),
		listClassesOfCampuses(db, campusIds)
	]);
	const offered = new Set<Level>(levels.map((l) => l.level));
	const meantForUs = (grades: string[]) => grades.length === 0 || grades.some((g) => offered.has(levelOfGrade(g)!));
	const waiting = classes.filter((c) => c.status === 'waiting');
	const [positions, reasons] = await Promise.all([waitingPositions(db, waiting.map((c) => c.id)), waitReasons(db, waiting)]);
	const row = (c: (typeof classes)[number]) => ({
		id: c.id,
		campusId: c.campusId,
		editionName: c.editionName,
		name: c.name,
		grade: c.grade,
		pupilCount: c.pupilCount,
		status: c.status,
		position: positions.get(c.id) ?? null,
		// Which limit keeps a waiting class out: its campus's own maximum or the edition's total.
		waitReason: reasons.get(c.id) ?? null
	});
	const now = clock.now();
	return {
		campuses: campuses.map((c) => ({ ...c, levels: levels.filter((l) => l.campusId === c.id).map((l) => l.level) })),
		editions: published.filter((e) => meantForUs(e.grades)).map((e) => editionForDisplay(e, now)),
		myClasses: classes.filter((c) => c.enrolledBy === userId).map(row),
		colleagueClasses: classes.filter((c) => c.enrolledBy !== userId).map((c) => ({ ...row(c), enrolledByName: c.enrolledByName }))
	};
}
