import type { Kysely } from 'kysely';
import { isCoordinator, type Actor } from '../auth/actor';
import { assertTeacherOfCampus } from '../auth/campus-access';
import { enrolmentPhase } from '../campaigns/edition-rules';
import { findEditionById, listEditionGrades } from '../campaigns/edition.repository';
import { listActiveCampusesByIds, listCampusLevelRows, listCampusesOfTeacher } from '../campuses/campus.repository';
import type { Database } from '../db/schema';
import { clock, fromDbTime } from '../db/time';
import { NotFoundError } from '../errors';
import { grades as allGrades, levelOfGrade } from '../../domain';
import { findClassDetails, waitingPositions } from './class-view.repository';
import { listPreferredHalfDays } from './class.repository';

/** What the enrolment form needs: the edition, its grades, and the campuses the actor may choose. */
export async function enrolFormData(db: Kysely<Database>, actor: Actor, editionId: number, campusIds?: number[]) {
	const edition = await findEditionById(db, editionId);
	if (!edition || edition.status !== 'published') throw new NotFoundError();
	const editionGrades = await listEditionGrades(db, editionId);
	const campuses = campusIds ? await listActiveCampusesByIds(db, campusIds) : await listCampusesOfTeacher(db, actor.id);
	const levels = await listCampusLevelRows(
		db,
		campuses.map((c) => c.id)
	);
	const gradesOffered = (editionGrades.length ? editionGrades : allGrades).filter((g) => levels.some((l) => l.level === levelOfGrade(g)));
	return {
		edition: {
			id: edition.id,
			name: edition.name,
			phase: enrolmentPhase(edition, clock.now()),
			closesAt: fromDbTime(edition.enrolmentClosesAt),
			workshopStartsOn: edition.workshopStartsOn,
			workshopEndsOn: edition.workshopEndsOn
		},
		campuses: campuses.map((c) => ({ id: c.id, label: `${c.schoolName} – ${c.name}` })),
		grades: [...new Set(gradesOffered)].sort((a, b) => allGrades.indexOf(a) - allGrades.indexOf(b))
	};
}

/**
 * One class as a teacher may see it: only classes of their own campuses (others
 * are a 404, also when guessing ids). Editable only by the teacher who enrolled it.
 */
export async function classForViewer(db: Kysely<Database>, actor: Actor, classId: number) {
	const cls = await findClassDetails(db, classId);
	if (!cls) throw new NotFoundError();
	await assertTeacherOfCampus(db, actor, cls.campusId, () => new NotFoundError());
	const [days, positions, edition] = await Promise.all([
		listPreferredHalfDays(db, [classId]),
		waitingPositions(db, [classId]),
		findEditionById(db, cls.editionId)
	]);
	const phase = enrolmentPhase(edition!, clock.now());
	// The class as the class form's field values, for editing it.
	const formValues: Record<string, string | number | null> = {
		campusId: cls.campusId,
		name: cls.name,
		grade: cls.grade,
		pupilCount: cls.pupilCount,
		language: cls.language,
		remarks: cls.remarks,
		participation: cls.participation
	};
	days.forEach((d, i) => Object.assign(formValues, { [`pref${i + 1}Date`]: d.localDate, [`pref${i + 1}Part`]: d.part }));
	return {
		...cls,
		createdAt: fromDbTime(cls.createdAt),
		position: positions.get(classId) ?? null,
		preferredHalfDays: days.map((d) => ({ localDate: d.localDate, part: d.part })),
		phase,
		workshopStartsOn: edition!.workshopStartsOn,
		workshopEndsOn: edition!.workshopEndsOn,
		mine: cls.enrolledBy === actor.id,
		formValues,
		editable: cls.status !== 'withdrawn' && (isCoordinator(actor) ? edition!.status !== 'archived' : cls.enrolledBy === actor.id && phase === 'open')
	};
}
