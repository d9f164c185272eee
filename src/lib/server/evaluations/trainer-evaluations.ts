import type { Db } from '../db';
import { clock, fromDbTime } from '../db/time';
import { countClassesOfSlot, listEvaluationsOfSlot, listScoresWithQuestions } from './evaluation.repository';
import { editableFor } from './evaluation.service';
import { listActiveQuestionsOfEdition } from './questions.repository';

/**
 * What the teachers said about a workshop, for a trainer booked on it (issue
 * 19.1). A teacher who shared their name is shown with it and the class. The
 * others must not be traceable, and the trainer met them and knows their
 * classes: their answers come without a class, in no particular order, and only
 * as a group that no longer changes, i.e. once at least two of them answered,
 * every class of the workshop answered and none can still be edited. Before that
 * the trainer reads how many are held back. A group that grew one evaluation at a
 * time would give each new one away by the difference.
 *
 * Anyone else gets nothing (null), not even whether there are evaluations; so
 * does a workshop whose campaign asks nothing.
 */
export async function evaluationsForTrainer(db: Db, slot: { id: number; editionId: number }, booked: boolean) {
	if (!booked) return null;
	const rows = await listEvaluationsOfSlot(db, slot.id);
	if (!rows.length && !(await listActiveQuestionsOfEdition(db, slot.editionId, 'teacher')).length) return null;
	const unnamed = rows.filter((r) => r.shareName !== 1);
	const now = clock.now().getTime();
	const settled = unnamed.every((r) => fromDbTime(r.submittedAt).getTime() + editableFor <= now);
	const showUnnamed = unnamed.length >= 2 && settled && rows.length === (await countClassesOfSlot(db, slot.id));
	const visible = rows.filter((r) => r.shareName === 1 || showUnnamed);
	const scores = await listScoresWithQuestions(
		db,
		visible.map((r) => r.id)
	);
	const items = visible.map((r) => ({
		id: r.id,
		className: r.shareName === 1 ? r.className : null,
		teacher: r.shareName === 1 ? r.teacherName : null,
		remark: r.remark,
		scores: scores.filter((s) => s.evaluationId === r.id).map((s) => ({ questionId: s.questionId, textNl: s.textNl, textEn: s.textEn, score: s.score }))
	}));
	// Named ones by class; the group without names by what they said, never by class or arrival.
	const key = (e: (typeof items)[number]) => (e.className ? `0${e.className}` : `1${JSON.stringify([e.scores.map((s) => s.score), e.remark])}`);
	items.sort((a, b) => key(a).localeCompare(key(b)));
	return { items, withheld: showUnnamed ? 0 : unnamed.length };
}

export type TrainerEvaluations = NonNullable<Awaited<ReturnType<typeof evaluationsForTrainer>>>;
