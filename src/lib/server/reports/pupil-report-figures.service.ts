import type { Db } from '../db';
import { pupilTotals } from '../pupil-survey/pupil-figures.service';

/**
 * "What pupils answered" in the council report (issue 19.4): the pupils' figures
 * of the whole edition, per question after the workshop (and before it when the
 * campaign asks both), beside the previous edition's. The cells come from the
 * pupil figures' small-cell rule: null is "too few answers", and nothing here
 * adds a figure of its own.
 */
export async function pupilReportFigures(db: Db, current: { id: number; campaignId: number }, previous: { id: number } | null) {
	const totals = await pupilTotals(db, current.campaignId, previous ? [current.id, previous.id] : [current.id]);
	const now = totals.editions.get(current.id)!;
	const before = previous ? totals.editions.get(previous.id)! : null;
	const questions = totals.questions.map((q) => {
		const after = now.after.get(q.id) ?? null;
		const previousAfter = before?.after.get(q.id) ?? null;
		return {
			...q,
			after,
			before: now.before?.get(q.id) ?? null,
			previousAfter,
			change: after && previousAfter ? Math.round((after.mean - previousAfter.mean) * 10) / 10 : null
		};
	});
	return { minGroup: totals.minGroup, beforeAfter: totals.beforeAfter, hasAnswers: questions.some((q) => q.after || q.before), questions };
}

export type PupilReportFigures = Awaited<ReturnType<typeof pupilReportFigures>>;
