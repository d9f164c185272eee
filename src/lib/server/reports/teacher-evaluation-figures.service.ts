import type { Db } from '../db';
import { minGroupAnswers } from '../pupil-survey/group-size';
import * as q from './teacher-evaluation-figures.repository';

/**
 * What teachers said about the workshops, for the council report (issue 19.4):
 * per question the answers, the mean and the spread of scores, beside the
 * previous edition's mean. The same minimum group as the pupils' figures
 * (setting `pupil_min_group`): a mean of three answers says little and, in a
 * small city, points at a school; below it only the count is shown. Remarks
 * appear only when their teacher agreed, as bare text, and only when the edition
 * has enough evaluations that a remark cannot be traced back.
 */
export const maxReportRemarks = 20;

export interface QuestionFigures {
	id: number;
	textNl: string;
	textEn: string;
	answers: number;
	/** Mean score (1 decimal), or null below the minimum group. */
	mean: number | null;
	/** How many gave 1, 2, 3, 4, 5; null below the minimum group. */
	distribution: number[] | null;
	previousAnswers: number;
	previousMean: number | null;
	/** This mean minus the previous one (1 decimal), when both are shown. */
	change: number | null;
}

export interface TeacherEvaluationFigures {
	/** The smallest group whose figures are shown. */
	minGroup: number;
	/** Evaluations answered, of `classes` classes whose workshop was given. */
	evaluations: number;
	classes: number;
	/** Fewer evaluations than the minimum: no means, no remarks. */
	suppressed: boolean;
	previous: { evaluations: number; classes: number } | null;
	questions: QuestionFigures[];
	/** Shared remarks, newest first, at most `maxRemarks`. */
	remarks: string[];
	maxRemarks: number;
}

const oneDecimal = (v: number) => Math.round(v * 10) / 10;

function meanOf(counts: q.ScoreCount[]): { answers: number; mean: number | null; distribution: number[] } {
	const distribution = [1, 2, 3, 4, 5].map((score) => counts.filter((c) => c.score === score).reduce((s, c) => s + c.n, 0));
	const answers = distribution.reduce((s, n) => s + n, 0);
	const total = distribution.reduce((s, n, i) => s + n * (i + 1), 0);
	return { answers, mean: answers > 0 ? oneDecimal(total / answers) : null, distribution };
}

function questionFigures(
	question: { id: number; textNl: string; textEn: string },
	now: q.ScoreCount[],
	before: q.ScoreCount[],
	minGroup: number
): QuestionFigures {
	const a = meanOf(now.filter((c) => c.questionId === question.id));
	const b = meanOf(before.filter((c) => c.questionId === question.id));
	const mean = a.answers >= minGroup ? a.mean : null;
	const previousMean = b.answers >= minGroup ? b.mean : null;
	return {
		id: question.id,
		textNl: question.textNl,
		textEn: question.textEn,
		answers: a.answers,
		mean,
		distribution: mean === null ? null : a.distribution,
		previousAnswers: b.answers,
		previousMean,
		change: mean !== null && previousMean !== null ? oneDecimal(mean - previousMean) : null
	};
}

/** The figures of `edition`, compared with `previous` (the report's predecessor, or null). Five queries. */
export async function teacherEvaluationFigures(
	db: Db,
	edition: { id: number; campaignId: number },
	previous: { id: number } | null
): Promise<TeacherEvaluationFigures> {
	const ids = previous ? [edition.id, previous.id] : [edition.id];
	const [minGroup, classes, evaluations, counts, questions] = await Promise.all([
		minGroupAnswers(db),
		q.countClassesWithGivenWorkshop(db, ids),
		q.countEvaluations(db, ids),
		q.scoreCounts(db, ids),
		q.listTeacherQuestions(db, edition.campaignId)
	]);
	const evaluated = evaluations.get(edition.id) ?? 0;
	const suppressed = evaluated < minGroup;
	const now = counts.filter((c) => c.editionId === edition.id);
	const before = previous ? counts.filter((c) => c.editionId === previous.id) : [];
	// Asked today, or answered in one of the two editions: a question dropped since still shows its answers.
	const shown = questions.filter((x) => x.active === 1 || counts.some((c) => c.questionId === x.id));
	return {
		minGroup,
		evaluations: evaluated,
		classes: classes.get(edition.id) ?? 0,
		suppressed,
		previous: previous ? { evaluations: evaluations.get(previous.id) ?? 0, classes: classes.get(previous.id) ?? 0 } : null,
		questions: shown.map((x) => questionFigures(x, now, before, minGroup)),
		remarks: suppressed ? [] : await q.listSharedRemarks(db, edition.id, maxReportRemarks),
		maxRemarks: maxReportRemarks
	};
}

/** For the dashboard: evaluations answered and the mean of all their scores, the mean null below the minimum group. */
export async function teacherEvaluationSummary(db: Db, editionId: number): Promise<{ evaluations: number; mean: number | null; minGroup: number }> {
	const [minGroup, evaluations, counts] = await Promise.all([minGroupAnswers(db), q.countEvaluations(db, [editionId]), q.scoreCounts(db, [editionId])]);
	const n = evaluations.get(editionId) ?? 0;
	return { evaluations: n, mean: n >= minGroup ? meanOf(counts).mean : null, minGroup };
}
