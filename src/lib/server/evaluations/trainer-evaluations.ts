import type { Db } from '../db';
import { listEvaluationsOfSlot, listScoresWithQuestions } from './evaluation.repository';

/**
 * What the teachers said about a workshop, for a trainer booked on it (issue
 * 19.1): per class the scores and the remark, and the teacher's name only when
 * the teacher agreed to share it. Anyone else gets nothing (null), not even
 * whether there are evaluations.
 */
export async function evaluationsForTrainer(db: Db, slotId: number, booked: boolean) {
	if (!booked) return null;
	const rows = await listEvaluationsOfSlot(db, slotId);
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
