import readXlsxFile from 'read-excel-file/node';
import { beforeEach, expect, it } from 'vitest';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { campaignReportPdf } from '../../src/lib/server/reports/campaign-report-pdf';
import { campaignReportPdfView } from '../../src/lib/server/reports/campaign-report-pdf-view';
import { reportDownload } from '../../src/lib/server/reports/campaign-report-export.service';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { dashboardFigures } from '../../src/lib/server/reports/dashboard-figures';
import { citySettings } from '../../src/lib/server/settings/settings.service';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { downloadBytes } from './support/download-bytes';
import { pdfText } from './support/pdf-text';
import { impactWorld, setMinGroup, type ImpactWorld } from './support/pupil-impact-fixtures';

/**
 * "What pupils answered" in the council report (issue 19.4), on the impact world:
 * after the workshop 5A 12 × 4, 5B 3 × 1 (too few), 6A 11 × 2, 6B 10 × 5; before
 * it 5A 10 × 2, 6A 4 × 3 (too few). The page's data, the PDF and the workbook
 * show the same suppressed figures.
 */
describeEachDatabase('pupils in the council report', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: ImpactWorld;

	beforeEach(async () => {
		w = await impactWorld(ctx.db);
	});

	const pdf = async (locale: 'nl' | 'en') => {
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		return pdfText(await toBuffer(campaignReportPdf(campaignReportPdfView(r, await citySettings(ctx.db, locale), locale, '2027-06-30'))));
	};

	it('shows the edition’s pupil figures before and after, without the small classes, and states the rule', async () => {
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		expect(r.impact.pupils).toMatchObject({ minGroup: 10, beforeAfter: true, hasAnswers: true });
		expect(r.impact.pupils.questions.map((q) => [q.after?.answers, q.after?.mean, q.before?.answers, q.before?.mean])).toEqual([
			[33, 3.64, 10, 2],
			[33, 3.64, 10, 2]
		]);
		// Score 1 and 3 came only from the two small classes.
		expect(r.impact.pupils.questions[0].after?.counts).toEqual([0, 11, 0, 12, 10]);
		const nl = await pdf('nl');
		expect(nl).toContain('Wat leerlingen antwoordden');
		expect(nl).toMatch(/Ik weet waar ik hulp kan vragen\.\s+33\s+2\s+3,6\s/);
		expect(nl).toContain('Cijfers alleen voor groepen van minstens 10 antwoorden.');
		expect(await pdf('en')).toContain('What pupils answered');
		// The dashboard counts the same answers: the small classes' never.
		expect((await dashboardFigures(ctx.db))?.pupils).toEqual({ answers: 33, minGroup: 10 });

		const book = await readXlsxFile(await downloadBytes(await reportDownload(ctx.db, w.coordinator, w.editionId, 'report.xlsx', 'nl')));
		const sheet = book.find((s) => s.sheet === 'Antwoorden leerlingen')!;
		expect(sheet.data[0]).toEqual(['Vraag', 'Antwoorden', 'Gemiddelde vóór de workshop', 'Gemiddelde PAARS 2027']);
		expect(sheet.data[1]).toEqual(['Ik weet waar ik hulp kan vragen.', 33, 2, 3.64]);
	});

	it('reads "too few answers" where a raised minimum leaves too few, never a count', async () => {
		await setMinGroup(ctx.db, 12);
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		expect(r.impact.pupils.questions.map((q) => [q.after?.answers, q.before])).toEqual([
			[12, null],
			[12, null]
		]);
		expect(await pdf('nl')).toMatch(/Ik weet waar ik hulp kan vragen\.\s+12\s+te weinig antwoorden\s+4\s/);
		expect((await dashboardFigures(ctx.db))?.pupils).toEqual({ answers: 12, minGroup: 12 });
	});
});
