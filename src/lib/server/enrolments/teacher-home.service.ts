import type { Kysely } from 'kysely';
import { editionForDisplay } from '../campaigns/edition-view';
import { publishedEditions } from '../campaigns/published-editions';
import { listCampusLevelRows, listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database, Level } from '../db/schema';
import { clock } from '../db/time';
import { levelOfGrade } from '../../domain';
import { pageCount } from '../pagination';
import { countClassesOfCampuses, listClassesOfCampuses, waitingPositions } from './class-view.repository';
import { waitReasons } from './quota';

/**
 * The teacher's start page: their campuses, the published editions meant for
 * those campuses' levels, their own classes (editable) and their colleagues'
 * classes at the same campuses (read-only). Never another campus's classes.
 * Each row carries only what the page shows, and both lists come a page at a
 * time: a teacher at a large school can see a hundred classes.
 */
export const classesPerPage = 25;

export async function teacherHome(db: Kysely<Database>, userId: number, pages: { mine: number; colleagues: number } = { mine: 1, colleagues: 1 }) {
	const campuses = await listCampusesOfTeacher(db, userId);
	const campusIds = campuses.map((c) => c.id);
	const [levels, published, counts] = await Promise.all([
		listCampusLevelRows(db, campusIds),
		publishedEditions(db),
		countClassesOfCampuses(db, campusIds, userId)
	]);
	const paging = (total: number, asked: number) => {
		const pages = pageCount(total, classesPerPage);
		const page = Math.min(asked, pages);
		return { page, pages, limit: classesPerPage, offset: (page - 1) * classesPerPage };
	};
	const minePage = paging(counts.mine, pages.mine);
	const colleaguesPage = paging(counts.colleagues, pages.colleagues);
	const [mine, colleagues] = await Promise.all([
		counts.mine ? listClassesOfCampuses(db, campusIds, { userId, mine: true }, minePage) : [],
		counts.colleagues ? listClassesOfCampuses(db, campusIds, { userId, mine: false }, colleaguesPage) : []
	]);
	const classes = [...mine, ...colleagues];
	const offered = new Set<Level>(levels.map((l) => l.level));
	const meantForUs = (grades: string[]) => grades.length === 0 || grades.some((g) => offered.has(levelOfGrade(g)!));
	const waiting = classes.filter((c) => c.status === 'waiting');
	const [positions, reasons] = await Promise.all([
		waitingPositions(
			db,
			waiting.map((c) => c.id)
		),
		waitReasons(db, waiting)
	]);
	const row = (c: (typeof classes)[number]) => ({
		id: c.id,
		campusId: c.campusId,
		editionName: c.editionName,
		name: c.name,
		grade: c.grade,
		pupilCount: c.pupilCount,
		status: c.status,
		participation: c.participation,
		position: positions.get(c.id) ?? null,
		// Which limit keeps a waiting class out: its campus's own maximum or the edition's total.
		waitReason: reasons.get(c.id) ?? null
	});
	const now = clock.now();
	return {
		campuses: campuses.map((c) => ({ ...c, levels: levels.filter((l) => l.campusId === c.id).map((l) => l.level) })),
		editions: published.filter((e) => meantForUs(e.grades)).map((e) => editionForDisplay(e, now)),
		myClasses: mine.map(row),
		colleagueClasses: colleagues.map((c) => ({ ...row(c), enrolledByName: c.enrolledByName })),
		classPages: { mine: { page: minePage.page, pages: minePage.pages }, colleagues: { page: colleaguesPage.page, pages: colleaguesPage.pages } }
	};
}
