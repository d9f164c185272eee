import { describe, expect, it } from 'vitest';
import { cellOf, countedUnits, groupCells, type ScoreCount } from '../../src/lib/server/pupil-survey/small-cells';

/** Answers of a questionnaire to one question: `n` pupils each giving `score`. */
const answers = (surveyId: number, n: number, score = 3, questionId = 1): ScoreCount => ({ surveyId, questionId, score, answers: n });

describe('small-cell suppression', () => {
	it('leaves out a questionnaire with fewer answers than the minimum, whatever it is grouped with', () => {
		const units = countedUnits([answers(1, 12, 4), answers(2, 3, 1), answers(3, 11, 2)], 10);
		expect(units.map((u) => u.surveyId)).toEqual([1, 3]);
		const all = cellOf(units, 10)!;
		expect(all.answers).toBe(23);
		expect(all.mean).toBeCloseTo(70 / 23, 2);
		expect(all.counts).toEqual([0, 11, 0, 12, 0]);
		// Grouped with the small one, a group shows only what it may.
		expect(groupCells(units, new Set([2, 3]), [1], 10).get(1)?.answers).toBe(11);
		expect(groupCells(units, new Set([2]), [1], 10).get(1)).toBeNull();
	});

	it('counts a unit per question: a question skipped by a new form stays below the minimum on its own', () => {
		const units = countedUnits([answers(1, 12, 4, 1), answers(1, 4, 5, 2)], 10);
		expect(units.map((u) => [u.surveyId, u.questionId])).toEqual([[1, 1]]);
	});

	it('never lets a figure minus a figure within it isolate fewer answers than the minimum (every nesting of random classes)', () => {
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const leaks: string[] = [];
		for (let round = 0; round < 200; round++) {
			const min = 5 + Math.floor(random() * 10);
			const rows = Array.from({ length: 8 }, (_, i) => answers(i + 1, Math.floor(random() * 25), 1 + Math.floor(random() * 5)));
			const units = countedUnits(rows, min);
			// Every subset of the classes, as any filter or group could select them: answers and their sum of scores.
			const shown = Array.from({ length: 256 }, (_, mask) => {
				const cell = groupCells(units, new Set(rows.filter((_, i) => mask & (1 << i)).map((r) => r.surveyId)), [1], min).get(1);
				return { answers: cell?.answers ?? 0, sum: cell ? cell.counts.reduce((s, n, i) => s + n * (i + 1), 0) : 0 };
			});
			// A total minus a part (the part's classes all in the total) leaves whole questionnaires of at least the minimum.
			for (let whole = 0; whole < 256; whole++)
				for (let part = whole; ; part = (part - 1) & whole) {
					const left = shown[whole].answers - shown[part].answers;
					const sumLeft = shown[whole].sum - shown[part].sum;
					if ((left > 0 && left < min) || (left === 0 && sumLeft !== 0)) leaks.push(`round ${round}: ${whole} minus ${part} leaves ${left} answers`);
					if (part === 0) break;
				}
		}
		expect(leaks).toEqual([]);
	});
});
