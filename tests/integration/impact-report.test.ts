import readXlsxFile from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { campaignReportPdf } from '../../src/lib/server/reports/campaign-report-pdf';
import { campaignReportPdfView } from '../../src/lib/server/reports/campaign-report-pdf-view';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { reportFingerprint } from '../../src/lib/server/reports/report-fingerprint.repository';
import { citySettings } from '../../src/lib/server/settings/settings.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { pdfText } from './support/pdf-text';
import { evaluate, givenClasses, impactWorld, setMinGroup, type ImpactWorld } from './support/impact-fixtures';

const body = (file: Awaited<ReturnType<typeof reportDownload>>) => ('body' in file ? (file.body as Buffer | string) : '');

describeEachDatabase('what teachers said, in the council report (issue 19.4)', (dialect) => {
	const ctx = useDatabase(dialect);

	/**
	 * 2027: six classes with a given workshop (the world's four and two more),
	 * five evaluated: question 1 scores 5, 4, 4, 3, 5 (mean 4.2); question 2 was
	 * answered three times only. 2026: six classes, five evaluated, question 1
	 * scores 3, 3, 4, 3, 2 (mean 3.0). Two remarks shared, one not.
	 */
	async function evaluated(w: ImpactWorld) {
		const now = [...w.classes2027, ...(await givenClasses(ctx.db, w, w.editionId, '2027-05-04', 2))];
		const before = await givenClasses(ctx.db, w, w.previousId, '2026-05-04', 5);
		const q1Now = [5, 4, 4, 3, 5];
		for (let i = 0; i < 5; i++) {
			const scores = i < 3 ? { [w.q1]: q1Now[i], [w.q2]: 4 } : { [w.q1]: q1Now[i] };
			const remark = ['Fijne workshop, graag opnieuw.', 'Te kort voor mijn klas.', 'Privé: mevrouw Peeters vond het niks.'][i];
			await evaluate(ctx.db, w, now[i], scores, { remark, shareRemark: i < 2, at: `2027-05-1${i} 10:00:00.000` });
		}
		for (const [i, score] of [3, 3, 4, 3, 2].entries()) await evaluate(ctx.db, w, before[i], { [w.q1]: score });
	}

	it('gives per question the answers, the mean and the spread, against the previous edition', async () => {
		const w = await impactWorld(ctx.db);
		await setMinGroup(ctx.db, 5);
		await evaluated(w);
		const t = (await campaignReport(ctx.db, w.coordinator, w.editionId)).impact.teachers;
		expect(t).toMatchObject({ minGroup: 5, evaluations: 5, classes: 6, suppressed: false, previous: { evaluations: 5, classes: 6 } });
		expect(t.questions).toEqual([
			{
				id: w.q1,
				textNl: 'Sloot de workshop aan bij je klas?',
				textEn: 'Did the workshop suit your class?',
				answers: 5,
				mean: 4.2,
				distribution: [0, 0, 1, 2, 2],
				previousAnswers: 5,
				previousMean: 3,
				change: 1.2
			},
			// Three answers are fewer than five: no mean, no spread.
			{
				id: w.q2,
				textNl: 'Zou je hem aanraden?',
				textEn: 'Would you recommend it?',
				answers: 3,
				mean: null,
				distribution: null,
				previousAnswers: 0,
				previousMean: null,
				change: null
			}
		]);
		// Only what the teachers agreed to share, newest first, the text alone.
		expect(t.remarks).toEqual(['Te kort voor mijn klas.', 'Fijne workshop, graag opnieuw.']);
	});

	it('shows the figures of an edition without a predecessor, with nothing to compare', async () => {
		const w = await impactWorld(ctx.db);
		await setMinGroup(ctx.db, 5);
		await evaluated(w);
		const r = await campaignReport(ctx.db, w.coordinator, w.previousId);
		expect(r.previous).toBeNull();
		expect(r.impact.teachers).toMatchObject({ evaluations: 5, classes: 6, previous: null, remarks: [] });
		expect(r.impact.teachers.questions[0]).toMatchObject({ answers: 5, mean: 3, distribution: [0, 1, 3, 1, 0], previousMean: null, change: null });
		const csv = String(body(await reportDownload(ctx.db, w.coordinator, w.previousId, 'teacher-evaluations.csv', 'nl')));
		expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Vraag;Antwoorden;Gemiddelde PAARS 2026;Score 1;Score 2;Score 3;Score 4;Score 5');
		expect(csv).toContain('Sloot de workshop aan bij je klas?;5;3;0;1;3;1;0');
	});

	it('says "too few answers" instead of figures below the minimum group, and leaves the remarks out', async () => {
		const w = await impactWorld(ctx.db);
		await evaluated(w); // no setting: the minimum is 10
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		expect(r.impact.teachers).toMatchObject({ minGroup: 10, evaluations: 5, suppressed: true, remarks: [] });
		expect(r.impact.teachers.questions.map((q) => [q.answers, q.mean, q.distribution, q.previousMean, q.change])).toEqual([
			[5, null, null, null, null],
			[3, null, null, null, null]
		]);
		const nl = await pdfText(await toBuffer(campaignReportPdf(campaignReportPdfView(r, await citySettings(ctx.db, 'nl'), 'nl', '2027-06-30'))));
		expect(nl).toContain('Wat leerkrachten zeiden');
		expect(nl).toMatch(/Sloot de workshop aan bij je klas\?\s+5\s+te weinig antwoorden\s+te weinig antwoorden/);
		expect(nl).toContain('Cijfers alleen voor groepen van minstens 10 antwoorden.');
		expect(nl).not.toContain('4,2');
		expect(nl).not.toContain('Te kort voor mijn klas.');
		const f = await dashboardFigures(ctx.db);
		expect(f?.evaluations).toEqual({ evaluations: 5, mean: null, minGroup: 10 });
	});

	it('puts the section into the PDF in both languages, the CSV and the workbook', async () => {
		const w = await impactWorld(ctx.db);
		await setMinGroup(ctx.db, 5);
		await evaluated(w);
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		const pdf = async (locale: 'nl' | 'en') =>
			pdfText(await toBuffer(campaignReportPdf(campaignReportPdfView(r, await citySettings(ctx.db, locale), locale, '2027-06-30'))));
		const nl = await pdf('nl');
		expect(nl).toContain('Wat leerkrachten zeiden');
		expect(nl).toMatch(/Sloot de workshop aan bij je klas\?\s+5\s+3\s+4,2\s+1,2/);
		expect(nl).toContain('5 van 6 klassen met een gegeven workshop');
		expect(nl).toContain('Cijfers alleen voor groepen van minstens 5 antwoorden.');
		expect(nl).toContain('Te kort voor mijn klas.');
		expect(nl).toContain('Fijne workshop, graag opnieuw.');
		expect(nl).not.toContain('Peeters');
		const en = await pdf('en');
		expect(en).toContain('What teachers said');
		expect(en).toMatch(/Did the workshop suit your class\?\s+5\s+3\s+4\.2\s+1\.2/);
		expect(en).toContain('Figures only for groups of at least 5 answers.');

		const csv = String(body(await reportDownload(ctx.db, w.coordinator, w.editionId, 'teacher-evaluations.csv', 'nl')));
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Vraag;Antwoorden;Gemiddelde PAARS 2026;Gemiddelde PAARS 2027;Verschil;Score 1;Score 2;Score 3;Score 4;Score 5');
		expect(lines[1]).toBe('Sloot de workshop aan bij je klas?;5;3;4,2;1,2;0;0;1;2;2');
		expect(lines[2]).toBe(
			'Zou je hem aanraden?;3;;te weinig antwoorden;;te weinig antwoorden;te weinig antwoorden;te weinig antwoorden;te weinig antwoorden;te weinig antwoorden'
		);
		expect(csv).toContain('Cijfers alleen voor groepen van minstens 5 antwoorden.');
		expect(csv).not.toContain('Te kort');

		const book = await readXlsxFile(body(await reportDownload(ctx.db, w.coordinator, w.editionId, 'report.xlsx', 'en')) as Buffer);
		const figures = book.find((s) => s.sheet === 'Teacher evaluations')?.data ?? [];
		expect(figures[1].slice(0, 5)).toEqual(['Did the workshop suit your class?', 5, 3, 4.2, 1.2]);
		expect(book.find((s) => s.sheet === 'Teacher remarks')?.data).toEqual([['Remark'], ['Te kort voor mijn klas.'], ['Fijne workshop, graag opnieuw.']]);
	});

	it('puts the count and the mean of all scores on the dashboard', async () => {
		const w = await impactWorld(ctx.db);
		await setMinGroup(ctx.db, 5);
		await evaluated(w);
		await ctx.db.updateTable('editions').set({ status: 'published' }).where('id', '=', w.editionId).execute();
		// Question 1: 21 over 5 answers; question 2: 12 over 3: 33 / 8.
		expect((await dashboardFigures(ctx.db))?.evaluations).toEqual({ evaluations: 5, mean: 4.1, minGroup: 5 });
	});

	it("draws an ended edition's cached report afresh when a teacher shares a remark or a question changes", async () => {
		const w = await impactWorld(ctx.db);
		await evaluated(w);
		const ids = [w.editionId, w.previousId];
		const before = JSON.stringify(await reportFingerprint(ctx.db, w.campaignId, ids));
		await ctx.db
			.updateTable('classEvaluations')
			.set({ shareRemark: 1, updatedAt: '2027-06-01 10:00:00.000' })
			.where('classId', '=', w.classes2027[2])
			.execute();
		const shared = JSON.stringify(await reportFingerprint(ctx.db, w.campaignId, ids));
		expect(shared).not.toBe(before);
		await ctx.db.updateTable('campaignQuestions').set({ textNl: 'Anders gesteld?', updatedAt: '2027-06-02 10:00:00.000' }).where('id', '=', w.q2).execute();
		expect(JSON.stringify(await reportFingerprint(ctx.db, w.campaignId, ids))).not.toBe(shared);
	});
});
