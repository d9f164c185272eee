import { beforeEach, expect, it } from 'vitest';
import { pupilFigures, type Breakdown, type PupilFigures } from '../../src/lib/server/pupil-survey/pupil-figures.service';
import type { SurveyMoment } from '../../src/lib/server/db/schema';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { allSplits, exportedRows, impactWorld, setMinGroup, type ImpactWorld } from './support/pupil-impact-fixtures';

/**
 * Small-cell suppression in the impact page's figures and downloads (issue 19.3):
 * no split and no file shows the answers of a class below the minimum, and no
 * difference between a total and what a split shows isolates fewer answers than
 * the minimum. The world is in support/pupil-impact-fixtures.ts.
 */
describeEachDatabase('impact figures and their downloads', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: ImpactWorld;
	beforeEach(async () => {
		w = await impactWorld(ctx.db);
	});

	const tooFew = 'te weinig antwoorden';

	it('writes one row per group, question and moment, and "too few answers" without a number for a small group', async () => {
		const rows = await exportedRows(ctx.db, w, 'campus', 'csv');
		expect(rows[0]).toEqual(['Campus', 'Vraag', 'Moment', 'Antwoorden', 'Gemiddelde', '1', '2', '3', '4', '5']);
		const first = rows.filter((r) => r[1] === 'Ik weet waar ik hulp kan vragen.');
		expect(first.map((r) => r.slice(0, 1).concat(r.slice(2)))).toEqual([
			['Testschool – Campus Centrum', 'voor', '10', '2', '0', '10', '0', '0', '0'],
			['Testschool – Campus Centrum', 'na', '12', '4', '0', '0', '0', '12', '0'],
			// 6A's 4 answers before are too few; 6A and 6B after make 21, a mean of (11 × 2 + 10 × 5) / 21.
			['Testschool – Campus Noord', 'voor', tooFew, '', '', '', '', '', ''],
			['Testschool – Campus Noord', 'na', '21', '3,43', '0', '11', '0', '0', '10']
		]);
		expect(rows.length).toBe(1 + 2 * 2 * 2);
		const english = await exportedRows(ctx.db, w, 'campus', 'csv', 'en');
		expect(english[5].slice(2, 5)).toEqual(['before', 'too few answers', '']);
		expect(english[6].slice(3, 5)).toEqual(['21', '3.43']);
	});

	it('never lets a small class’s answers into any file of any split (its scores 1 and 3 are counted nowhere)', async () => {
		for (const split of allSplits)
			for (const format of ['csv', 'xlsx'] as const) {
				const [header, ...rows] = await exportedRows(ctx.db, w, split, format);
				expect(header.slice(5), `${split} ${format}`).toEqual(['1', '2', '3', '4', '5']);
				expect(rows.length, `${split} ${format}`).toBeGreaterThan(0);
				for (const row of rows) {
					const label = `${split} ${format}: ${row.join(' | ')}`;
					if (row[3] === tooFew)
						expect(
							row.slice(4).every((cell) => cell === ''),
							label
						).toBe(true);
					else {
						expect(Number(row[3]), label).toBeGreaterThanOrEqual(10);
						expect([row[5], row[7]], label).toEqual(['0', '0']);
						// Whole classes only: 3 (5B) or 4 (6A before) never adds to another class's answers.
						expect([10, 11, 12, 21, 33], label).toContain(Number(row[3]));
					}
				}
			}
	});

	/** A split's shown number of answers per group, for one question and moment. */
	function shownAnswers(f: PupilFigures, questionId: number, moment: SurveyMoment): Map<string, number> {
		const answers = f.groups.map((g) => [g.label, g.questions.find((q) => q.questionId === questionId)?.[moment]?.answers ?? 0] as const);
		return new Map(answers.filter(([, n]) => n > 0));
	}

	/** Which organisation each trainer of the world belongs to: a trainer's classes are part of their organisation's. */
	const organisationOf: Record<string, string> = { 'Anna Peeters': 'Wel Jong', 'Ben Claes': 'Wel Jong', 'Chris Wouters': 'çavaria' };

	/**
	 * The differencing attack on nested figures: the total minus all of a split's
	 * parts, the total minus one part, an organisation minus one of its trainers.
	 * Campuses and (here) organisations share no class, so their parts add up to
	 * the total less whole classes; trainers who gave a workshop together both
	 * count its class, so their sum is no subset of anything and is left out.
	 */
	async function expectNoSmallDifference(minGroup: number) {
		const safe = (n: number) => n === 0 || n >= minGroup;
		const figures = Object.fromEntries(await Promise.all(allSplits.map(async (s) => [s, await pupilFigures(ctx.db, w.editionId, s)] as const)));
		expect(figures.edition.minGroup).toBe(minGroup);
		for (const q of figures.edition.questions)
			for (const moment of ['before', 'after'] as const) {
				const shown = (split: Breakdown) => shownAnswers(figures[split], q.id, moment);
				const all = shown('edition').get('PAARS 2027') ?? 0;
				for (const split of allSplits.slice(1)) {
					const parts = [...shown(split).values()];
					const label = `min ${minGroup}, ${split}, question ${q.id}, ${moment}: total ${all}, parts ${parts.join(' + ')}`;
					expect(
						parts.every((n) => n >= minGroup),
						label
					).toBe(true);
					for (const part of parts) expect(safe(all - part), label).toBe(true);
					if (split !== 'trainer') expect(safe(all - parts.reduce((a, b) => a + b, 0)), label).toBe(true);
				}
				for (const [trainer, answers] of shown('trainer')) {
					const organisation = shown('organisation').get(organisationOf[trainer]) ?? 0;
					expect(safe(organisation - answers), `min ${minGroup}: ${organisationOf[trainer]} ${organisation} − ${trainer} ${answers}`).toBe(true);
				}
			}
	}

	it('leaves no split whose shown figures differ from the total by fewer answers than the minimum, whatever the minimum', async () => {
		await expectNoSmallDifference(10);
		for (const n of [5, 11, 12, 13, 22, 30]) {
			await setMinGroup(ctx.db, n);
			await expectNoSmallDifference(n);
		}
	});

	it('turns a group into "too few answers" everywhere once the minimum is raised above its classes', async () => {
		await setMinGroup(ctx.db, 12);
		// Only 5A after (12 answers) remains: Campus Noord, çavaria and Chris read "too few answers", before and after.
		for (const split of allSplits) {
			const f = await pupilFigures(ctx.db, w.editionId, split);
			const shown = f.groups.filter((g) => g.shown).map((g) => g.label);
			expect(shown, split).toEqual(
				{ edition: ['PAARS 2027'], campus: ['Testschool – Campus Centrum'], organisation: ['Wel Jong'], trainer: ['Anna Peeters', 'Ben Claes'] }[split]
			);
			expect(f.groups.flatMap((g) => g.questions.map((q) => q.after?.answers ?? null))).toEqual(
				f.groups.flatMap((g) => g.questions.map(() => (g.shown ? 12 : null)))
			);
			for (const format of ['csv', 'xlsx'] as const) {
				const rows = (await exportedRows(ctx.db, w, split, format)).slice(1);
				// Two questions, after only; per trainer twice (Anna's and Ben's shared class).
				const expected = Array(split === 'trainer' ? 4 : 2).fill(['na', '12', '4']);
				expect(
					rows.filter((r) => r[3] !== tooFew).map((r) => r.slice(2, 5)),
					`${split} ${format}`
				).toEqual(expected);
				expect(
					rows.some((r) => r[3] === tooFew),
					`${split} ${format}`
				).toBe(true);
			}
		}
	});
});
