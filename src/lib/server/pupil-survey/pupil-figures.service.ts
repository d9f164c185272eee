import type { Db } from '../db';
import { findEditionById } from '../campaigns/edition.repository';
import type { SurveyMoment } from '../db/schema';
import { nowDb } from '../db/time';
import { NotFoundError } from '../errors';
import { listQuestions } from '../evaluations/questions.repository';
import { minGroupAnswers } from './group-size';
import * as repo from './pupil-figures.repository';
import { asksBeforeAndAfter } from './survey.repository';
import { countedUnits, groupCells, type Cell } from './small-cells';

/** How the figures are split: the whole edition, or per campus, organisation or trainer (one split at a time). */
export const breakdowns = ['edition', 'campus', 'organisation', 'trainer'] as const;
export type Breakdown = (typeof breakdowns)[number];

export interface GroupFigures {
	key: number;
	label: string;
	/** False: this group has answers, but not enough in any question to show a figure. */
	shown: boolean;
	questions: { questionId: number; after: Cell | null; before: Cell | null }[];
}

const groupsOf = (breakdown: Exclude<Breakdown, 'edition'>) =>
	({ campus: repo.surveysByCampus, organisation: repo.surveysByOrganisation, trainer: repo.surveysByTrainer })[breakdown];

/**
 * The pupils' answers of an edition as figures (issue 19.3): per question the
 * number of answers, the mean and the spread 1–5, after the workshop and (when
 * the campaign asks both) before it, for the whole edition or per group. Only
 * closed questionnaires count, and only their questions with at least the
 * minimum group of answers (see small-cells.ts); a group below it reads "too few
 * answers". `only` keeps one group (a trainer's own figures).
 */
export async function pupilFigures(db: Db, editionId: number, breakdown: Breakdown, only?: number) {
	const edition = await findEditionById(db, editionId);
	if (!edition) throw new NotFoundError();
	const now = nowDb();
	const [ctx, counts] = await Promise.all([campaignContext(db, edition.campaignId), repo.scoreCounts(db, [editionId], now)]);
	const { minGroup, moments } = ctx;
	const perMoment = await Promise.all(
		moments.map(async (moment) => {
			const ofMoment = counts.filter((c) => c.moment === moment);
			const keys = breakdown === 'edition' ? null : await groupsOf(breakdown)(db, editionId, moment, now);
			return { moment, counts: ofMoment, units: countedUnits(ofMoment, minGroup), keys };
		})
	);
	const questions = askedOrAnswered(ctx.questions, counts);
	const questionIds = questions.map((q) => q.id);

	// The groups: every key with a closed questionnaire that has answers, at any moment.
	const withAnswers = new Set(counts.map((c) => c.surveyId));
	const groups = new Map<number, { label: string; surveys: Map<SurveyMoment, Set<number>> }>();
	for (const m of perMoment) {
		const keys = m.keys ?? m.counts.map((c) => ({ surveyId: c.surveyId, key: editionId, label: edition.name }));
		for (const k of keys) {
			if (!withAnswers.has(k.surveyId) || (only !== undefined && k.key !== only)) continue;
			const g = groups.get(k.key) ?? { label: k.label, surveys: new Map() };
			g.surveys.set(m.moment, (g.surveys.get(m.moment) ?? new Set()).add(k.surveyId));
			groups.set(k.key, g);
		}
	}
	const figures: GroupFigures[] = [...groups.entries()].map(([key, g]) => {
		const cells = Object.fromEntries(perMoment.map((m) => [m.moment, groupCells(m.units, g.surveys.get(m.moment) ?? new Set(), questionIds, minGroup)]));
		const rows = questionIds.map((questionId) => ({ questionId, after: cells.after?.get(questionId) ?? null, before: cells.before?.get(questionId) ?? null }));
		return { key, label: g.label, shown: rows.some((r) => r.after || r.before), questions: rows };
	});
	figures.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
	return { edition: { id: edition.id, name: edition.name }, minGroup, beforeAfter: ctx.beforeAfter, breakdown, questions, groups: figures };
}

/** What every figure of a campaign needs besides the counts: the minimum group, the moments asked, the questions. */
async function campaignContext(db: Db, campaignId: number) {
	const [minGroup, beforeAfter, questions] = await Promise.all([
		minGroupAnswers(db),
		asksBeforeAndAfter(db, campaignId),
		listQuestions(db, campaignId, 'pupil')
	]);
	return { minGroup, beforeAfter, moments: (beforeAfter ? ['after', 'before'] : ['after']) as SurveyMoment[], questions };
}

/** The questions asked now, and those no longer asked that have answers. */
const askedOrAnswered = (questions: Awaited<ReturnType<typeof listQuestions>>, counts: { questionId: number }[]) => {
	const answered = new Set(counts.map((c) => c.questionId));
	return questions.filter((q) => q.active || answered.has(q.id)).map((q) => ({ id: q.id, textNl: q.textNl, textEn: q.textEn }));
};

/**
 * The whole-edition figures of editions of one campaign (the council report:
 * this edition and the previous one), in five queries however many editions.
 * The same units and rule as pupilFigures: per edition, question and moment a
 * cell, null when too few answers.
 */
export async function pupilTotals(db: Db, campaignId: number, editionIds: number[]) {
	const [ctx, counts] = await Promise.all([campaignContext(db, campaignId), repo.scoreCounts(db, editionIds, nowDb())]);
	const cellsOf = (editionId: number, moment: SurveyMoment) => {
		const units = countedUnits(
			counts.filter((c) => c.editionId === editionId && c.moment === moment),
			ctx.minGroup
		);
		return groupCells(
			units,
			new Set(units.map((u) => u.surveyId)),
			ctx.questions.map((q) => q.id),
			ctx.minGroup
		);
	};
	return {
		minGroup: ctx.minGroup,
		beforeAfter: ctx.beforeAfter,
		questions: askedOrAnswered(
			ctx.questions,
			counts.filter((c) => c.editionId === editionIds[0])
		),
		editions: new Map(
			editionIds.map((id) => [
				id,
				{ after: cellsOf(id, 'after'), before: ctx.beforeAfter ? cellsOf(id, 'before') : null, answered: counts.some((c) => c.editionId === id) }
			])
		)
	};
}

export type PupilFigures = Awaited<ReturnType<typeof pupilFigures>>;

/**
 * How many pupil answers the figures of an edition count now (the dashboard):
 * after the workshop, the most answered question's total. A sum of counted
 * units like every figure, so 0 or at least the minimum group.
 */
export async function countedPupilAnswers(db: Db, editionId: number): Promise<{ answers: number; minGroup: number }> {
	const f = await pupilFigures(db, editionId, 'edition');
	const answers = Math.max(0, ...(f.groups[0]?.questions.map((q) => q.after?.answers ?? 0) ?? []));
	return { answers, minGroup: f.minGroup };
}
