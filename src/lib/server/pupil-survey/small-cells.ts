/**
 * Small-cell suppression for the pupils' answers (issue 19.3), as pure functions.
 *
 * The unit is one closed questionnaire's answers to one question (a class at one
 * moment). A unit with fewer answers than the minimum group is left out of every
 * figure, everywhere; a questionnaire closes for good once it has answers, so a
 * unit never grows. Every figure is then a sum of whole units of at least the
 * minimum, and so is any difference between two figures (a total minus a part,
 * one filter minus another): no subtraction can isolate fewer answers than the
 * minimum. A cell that still comes out below it (none should) is shown as "too
 * few answers" all the same.
 */
export interface ScoreCount {
	surveyId: number;
	questionId: number;
	score: number;
	answers: number;
}

/** A figure: how many answers, their mean, and how many gave 1, 2, 3, 4 and 5. */
export interface Cell {
	answers: number;
	mean: number;
	counts: [number, number, number, number, number];
}

export type Unit = { surveyId: number; questionId: number; counts: Cell['counts'] };

const emptyCounts = (): Cell['counts'] => [0, 0, 0, 0, 0];
const total = (counts: Cell['counts']) => counts.reduce((a, b) => a + b, 0);

/** The units that may be counted: those with at least `minGroup` answers. */
export function countedUnits(rows: ScoreCount[], minGroup: number): Unit[] {
	const units = new Map<string, Unit>();
	for (const r of rows) {
		if (r.score < 1 || r.score > 5) continue;
		const key = `${r.surveyId}:${r.questionId}`;
		const unit = units.get(key) ?? { surveyId: r.surveyId, questionId: r.questionId, counts: emptyCounts() };
		unit.counts[r.score - 1] += r.answers;
		units.set(key, unit);
	}
	return [...units.values()].filter((u) => total(u.counts) >= minGroup);
}

/** The figure of a set of units, or null when it has fewer answers than the minimum. */
export function cellOf(units: Unit[], minGroup: number): Cell | null {
	const counts = emptyCounts();
	for (const u of units) u.counts.forEach((n, i) => (counts[i] += n));
	const answers = total(counts);
	if (answers < minGroup || answers === 0) return null;
	const mean = counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / answers;
	return { answers, mean: Math.round(mean * 100) / 100, counts };
}

/** Per group and question, the figure of the group's counted units (null: too few answers). */
export function groupCells(units: Unit[], surveysOfGroup: Set<number>, questionIds: number[], minGroup: number): Map<number, Cell | null> {
	const ofGroup = units.filter((u) => surveysOfGroup.has(u.surveyId));
	return new Map(
		questionIds.map(
			(q) =>
				[
					q,
					cellOf(
						ofGroup.filter((u) => u.questionId === q),
						minGroup
					)
				] as const
		)
	);
}
