import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { campaignReportPdf } from '../../src/lib/server/reports/campaign-report-pdf';
import { toBuffer } from '../../src/lib/server/pdf/document';
import { campaignReportPdfView } from '../../src/lib/server/reports/campaign-report-pdf-view';
import { campaignReport } from '../../src/lib/server/reports/campaign-report.service';
import { citySettings, forgetCachedSettings } from '../../src/lib/server/settings/settings.service';
import { pdfText } from './support/pdf-text';
import { recordingDb } from './support/recording-db';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { reportWorld } from './support/campaign-report-fixtures';
import { campusWithClasses } from './support/workshop-fixtures';

describeEachDatabase('campaign report', (dialect) => {
	const ctx = useDatabase(dialect);
	const setting = (key: string, valueNl: string, valueEn: string) =>
		ctx.db.insertInto('settings').values({ key, value: null, valueNl, valueEn, updatedAt: '2027-01-01 00:00:00.000', updatedBy: null }).execute();
	// A help link in the footer: the address in value, the label per language.
	const link = (n: number, url: string, valueNl: string, valueEn: string) =>
		ctx.db
			.insertInto('settings')
			.values({ key: `help_link_${n}`, value: url, valueNl, valueEn, updatedAt: '2027-01-01 00:00:00.000', updatedBy: null })
			.execute();

	it('counts campuses, classes, pupils, workshops, trainer hours, downloads and kit items', async () => {
		const w = await reportWorld(ctx.db);
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		expect(r.edition).toMatchObject({ name: 'PAARS 2027', year: 2027, campaignName: 'PAARS' });
		expect(r.figures).toMatchObject({ campuses: 2, classes: 4, pupils: 79, materialDownloads: 3, kitHandedOut: 45, trainerHours: 6.2 });
		expect(r.activeCampuses).toBe(3);
		expect(r.figures.campusShare).toBeCloseTo(2 / 3);
		expect(r.figures.workshops).toEqual({ planned: 6, given: 3, cancelled: 1, notGiven: 1, pupilsPresent: 60 });
		expect(r.figures.organisations).toEqual([
			{ organisation: 'Wel Jong', workshops: 2, trainerHours: 4.2 },
			{ organisation: 'çavaria', workshops: 1, trainerHours: 2 }
		]);
		expect(r.campuses.map((c) => [c.campus, c.classes, c.pupils, c.workshopsGiven])).toEqual([
			['Campus Centrum', 2, 42, 2],
			['Campus Noord', 2, 37, 1]
		]);
		expect(r.levels).toEqual([{ level: 'lager', classes: 4, pupils: 79 }]);
		expect(r.grades).toEqual([{ level: 'lager', grade: 'L5', classes: 4, pupils: 79 }]);
	});

	it('compares with the previous edition of the same campaign', async () => {
		const w = await reportWorld(ctx.db);
		const r = await campaignReport(ctx.db, w.coordinator, w.editionId);
		expect(r.previous?.edition).toMatchObject({ id: w.previousId, name: 'PAARS 2026' });
		expect(r.previous?.figures).toMatchObject({ campuses: 1, classes: 1, pupils: 25, trainerHours: 1.5, materialDownloads: 0, kitHandedOut: 0 });
		expect(r.previous?.figures.workshops.given).toBe(1);
		const old = await campaignReport(ctx.db, w.coordinator, w.previousId);
		expect(old.previous).toBeNull();
		expect(old.grades).toEqual([{ level: 'lager', grade: 'L4', classes: 1, pupils: 25 }]);
	});

	it('prefers the edition it was copied from over the year before', async () => {
		const w = await reportWorld(ctx.db);
		await ctx.db.updateTable('editions').set({ copiedFromEditionId: w.editionId }).where('id', '=', w.previousId).execute();
		await ctx.db.updateTable('editions').set({ copiedFromEditionId: null }).where('id', '=', w.editionId).execute();
		expect((await campaignReport(ctx.db, w.coordinator, w.previousId)).previous?.edition.id).toBe(w.editionId);
	});

	it('needs the same number of queries for two campuses or twelve', async () => {
		const w = await reportWorld(ctx.db);
		const small = recordingDb(ctx.db);
		await campaignReport(small.spy, w.coordinator, w.editionId);
		for (let i = 0; i < 10; i++)
			await campusWithClasses(ctx.db, w.editionId, { name: `Campus ${i}`, teacherEmail: `t${i}@school.be`, classes: [{ name: '5A', pupils: 20 }] });
		const big = recordingDb(ctx.db);
		const r = await campaignReport(big.spy, w.coordinator, w.editionId);
		expect(r.campuses).toHaveLength(12);
		expect(big.queries.length).toBe(small.queries.length);
		// Ten for the reach, six for what teachers said, four for what pupils answered (issue 19.4).
		expect(big.queries.length).toBeLessThanOrEqual(20);
	});

	it('is for coordinators only, and unknown editions are not found', async () => {
		const w = await reportWorld(ctx.db);
		await expect(campaignReport(ctx.db, w.anna, w.editionId)).rejects.toMatchObject({ status: 403 });
		await expect(campaignReport(ctx.db, w.coordinator, 999_999)).rejects.toMatchObject({ status: 404 });
	});

	it('prints the report as a PDF in Dutch and English, with figures, schools and page numbers', async () => {
		const w = await reportWorld(ctx.db);
		for (let i = 0; i < 40; i++)
			await campusWithClasses(ctx.db, w.editionId, { name: `Campus Veld ${i}`, teacherEmail: `v${i}@school.be`, classes: [{ name: '5A', pupils: 20 }] });
		await setting('city_name', 'Stad Kortrijk', 'City of Kortrijk');
		await link(1, 'https://www.lumi.be', 'Praat anoniem met Lumi', 'Talk anonymously with Lumi');
		await link(2, 'https://www.unia.be', 'Meldpunt discriminatie: Unia', 'Reporting discrimination: Unia');
		forgetCachedSettings();
		const report = await campaignReport(ctx.db, w.coordinator, w.editionId);
		const pdf = async (locale: 'nl' | 'en') =>
			toBuffer(campaignReportPdf(campaignReportPdfView(report, await citySettings(ctx.db, locale), locale, '2027-06-30')));
		const nlPdf = await pdf('nl');
		if (process.env.CREP_PDF_OUT) writeFileSync(`${process.env.CREP_PDF_OUT}-${dialect}.pdf`, nlPdf);
		const nl = await pdfText(nlPdf);
		expect(nl).toContain('Campagnerapport');
		expect(nl).toContain('Stad Kortrijk');
		expect(nl).toContain('Praat anoniem met Lumi');
		expect(nl).toContain('Meldpunt discriminatie: Unia');
		const pages = nl.split('\n');
		// The cover: the city, the edition once (its name already says the campaign), the three headline figures; help lines at the end.
		const cover = pages[0];
		expect(cover).toContain('Stad Kortrijk');
		expect(cover).toContain('PAARS 2027');
		expect(cover).not.toContain('Editie');
		expect(cover.match(/PAARS/g)).toHaveLength(1);
		expect(cover).toMatch(/44\s+Klassen bereikt/);
		expect(cover).toMatch(/879\s+Leerlingen bereikt/);
		expect(cover).toMatch(/3\s+Workshops gegeven/);
		expect(cover).not.toContain('Hulp en melden');
		expect(pages.at(-1)).toContain('Hulp en melden');
		expect(nl).toContain('Gemaakt op 30 juni 2027');
		expect(nl).toMatch(/Leerlingen bereikt\s+879/);
		expect(nl).toMatch(/Wel Jong\s+2\s+4,2/);
		expect(nl).toContain('Campus Noord');
		expect(nl).toContain('Vergelijking met PAARS 2026');
		expect(pages.length).toBeGreaterThan(2);
		expect(pages[1]).toContain(`p. 2 / ${pages.length}`);
		expect(pages[1]).toContain('Praat anoniem met Lumi: www.lumi.be');
		expect(pages.at(-1)).toContain(`p. ${pages.length} / ${pages.length}`);
		// The campus table runs onto a second page and repeats its header there.
		expect(pages.filter((p) => /School\s+Campus\s+Klassen\s+Leerlingen/.test(p)).length).toBeGreaterThan(1);
		const en = await pdfText(await pdf('en'));
		expect(en).toContain('Campaign report');
		expect(en).toMatch(/Pupils reached\s+879/);
		expect(en).toContain('Compared with PAARS 2026');
		expect(en).not.toContain('Geheime notitie');
		// A cancelled download stops drawing at the next page break and still ends the document.
		const cut = await pdfText(
			await toBuffer(campaignReportPdf(campaignReportPdfView(report, await citySettings(ctx.db, 'nl'), 'nl', '2027-06-30'), AbortSignal.abort()))
		);
		expect(cut.split('\n').length).toBeLessThan(pages.length);
	});
});
