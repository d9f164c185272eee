import type { Kysely } from 'kysely';
import { editionsForDisplay } from '../campaigns/edition-view';
import { listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database, Level } from '../db/schema';
import { fromDbTime } from '../db/time';
import { levelOfGrade } from '../../domain';
import { listClassesOfCampuses, waitingPositions } from './class-view.repository';
import { waitReasons } from './quota';

/**
 * The teacher's start page: their campuses, the published editions meant for
 * those campuses' levels, their own classes (editable) and their colleagues'
 * classes at the same campuses (read-only). Never another campus's classes.
 */
export async function teacherHome(db: Kysely<Database>, userId: number) {
	const campuses = await listCampusesOfTeacher(db, userId);
	const campusIds = campuses.map((c) => c.id);
	const [levels, editions, classes] = await Promise.all([
		campusIds.length ? db.selectFrom('campusLevels').select(['campusId', 'level']).where('campusId', 'in', campusIds).execute() : [],
		editionsForDisplay(db, ['published']),
		listClassesOfCampuses(db, campusIds)
	]);
	const grades = editions.length
		? await db.selectFrom('editionGrades').select(['editionId', 'grade']).where('editionId', 'in', editions.map((e) => e.id)).execute()
		: [];
	const offered = new Set<Level>(levels.map((l) => l.level));
	const meantForUs = (editionId: number) => {
		const gradesOfEdition = grades.filter((g) => g.editionId === editionId);
		return gradesOfEdition.length === 0 || gradesOfEdition.some((g) => offered.has(levelOfGrade(g.grade)!));
	};
	const waiting = classes.filter((c) => c.status === 'waiting');
	const [positions, reasons] = await Promise.all([waitingPositions(db, waiting.map((c) => c.id)), waitReasons(db, waiting)]);
	const view = classes.map((c) => ({
		...c,
		createdAt: fromDbTime(c.createdAt),
		position: positions.get(c.id) ?? null,
		// Which limit keeps a waiting class out: its campus's own maximum or the edition's total.
		waitReason: reasons.get(c.id) ?? null,
		mine: c.enrolledBy === userId
	}));
	return {
		campuses: campuses.map((c) => ({ ...c, levels: levels.filter((l) => l.campusId === c.id).map((l) => l.level) })),
		editions: editions.filter((e) => meantForUs(e.id)),
		myClasses: view.filter((c) => c.mine),
		colleagueClasses: view.filter((c) => !c.mine)
	};
}
