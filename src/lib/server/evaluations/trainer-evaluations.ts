import type { Db } from '../db';
import { listEvaluationsOfSlot, listScoresWithQuestions } from './evaluation.repository';
import { listActiveQuestionsOfEdition } from './questions.repository';

/**
 * What the teachers said about a workshop, for a trainer booked on it (issue
 * 19.1): per class the scores and the remark, and the teacher's name only when
 * the teacher agreed to share it. Anyone else gets nothing (null), not even
 * whether there are evaluations; so does a workshop whose campaign asks nothing.
 */
export async function evaluationsForTrainer(db: Db, slot: { id: number; editionId: number }, booked: boolean) {
	if (!booked) return null;
	const rows = await listEvaluationsOfSlot(db, slot.id);
	if (!rows.length && !(await listActiveQuestionsOfEdition(db, slot.editionId, 'teacher')).length) return null;
	const scores = await listScoresWithQuestions(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		id: r.id,
		className: r.className,
		teacher: r.shareName === 1 ? r.teacherName : null,
		remark: r.remark,
		scores: scores.filter((s) => s.evaluationId === r.id).map((s) => ({ questionId: s.questionId, textNl: s.textNl, textEn: s.textEn, score: s.score }))
	}));
}

export type TrainerEvaluations = NonNullable<Awaited<ReturnType<typeof evaluationsForTrainer>>>;
