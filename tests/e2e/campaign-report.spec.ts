import { execFileSync } from 'node:child_process';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo } from './support/people';
import { read } from './support/read-db';

/**
 * The council report (issue 6): the coordinator opens the report of the demo's
 * archived edition (it has given workshops), reads the key figures and charts,
 * and downloads the PDF and the Excel workbook. The figures themselves are
 * checked by the integration tests; here: what a coordinator sees and gets.
 */
const archived = () =>
	read((db) => db.prepare("select id, name from editions where status = 'archived' order by year desc limit 1").get() as { id: number; name: string });

test('a coordinator opens the campaign report and downloads the PDF and the workbook', async ({ page, checkA11y }, testInfo) => {
	const edition = archived();
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}`);
	await page.getByRole('link', { name: 'Campagnerapport' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Campagnerapport ${edition.name}` })).toBeVisible();
	// Four headline figures; the rest, "0 downloaded" included, as quieter summary rows.
	const figures = page.getByTestId('key-figures');
	await expect(figures.getByRole('listitem')).toHaveCount(4);
	await expect(figures.getByRole('listitem').filter({ hasText: 'Workshops gegeven' })).not.toContainText(/^0/);
	await expect(page.getByTestId('more-figures').getByRole('definition').first()).toBeVisible();
	await expect(page.getByTestId('more-figures')).toContainText('Materialen gedownload');
	// The chart's figures are in a table folded under it.
	const orgTable = page.getByRole('region', { name: 'Workshops en trainersuren per organisatie, tabel' });
	await expect(orgTable).toBeHidden();
	await page.locator('summary', { hasText: 'Workshops en trainersuren per organisatie, tabel' }).click();
	await expect(orgTable.getByRole('row', { name: /Wel Jong/ })).toBeVisible();
	await checkA11y();
	await page.screenshot({ path: testInfo.outputPath('campaign-report-1280.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath('campaign-report-390.png'), fullPage: true });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'nothing sticks out sideways on a phone').toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });

	const pdfDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'PDF, Nederlands' }).click();
	const pdf = await pdfDownload;
	expect(pdf.suggestedFilename()).toMatch(/^campagnerapport-.*\.pdf$/);
	const pdfPath = await pdf.path();
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	// The edition's own name, without "Editie" before a name that already says the campaign.
	expect(text).toContain(edition.name);
	expect(text).not.toContain(`Editie ${edition.name}`);
	expect(text).toContain('Kerncijfers');
	expect(text).toMatch(/p\. 1 \/ \d+/);
	execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, testInfo.outputPath('campaign-report-pdf')]);

	const xlsxDownload = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Alle tabellen (Excel)' }).click();
	const xlsx = await xlsxDownload;
	expect(xlsx.suggestedFilename()).toMatch(/^campagnerapport-.*\.xlsx$/);
	const sheets = await readXlsxFile(await xlsx.path());
	expect(sheets.map((s) => s.sheet)).toEqual([
		'Kerncijfers',
		'Campussen',
		'Leerjaren',
		'Organisaties',
		'Evaluaties leerkrachten',
		'Opmerkingen leerkrachten',
		'Antwoorden leerlingen'
	]);
	expect(sheets[1].data.flat()).toContain('Campus Centrum');
});

test('the report and its downloads are for coordinators only', async ({ page }) => {
	const edition = archived();
	await loginAs(page, demo.teacher.email);
	expect((await page.request.get(`/coordinator/editions/${edition.id}/report/report-nl.pdf`)).status()).toBe(403);
	expect((await page.goto(`/coordinator/editions/${edition.id}/report`))?.status()).toBe(403);
});

/** The creation time pdfkit writes into a drawn PDF's metadata, to the second. */
const creationDate = (pdf: Buffer) => /<xmp:CreateDate>([^<]+)</.exec(pdf.toString('latin1'))?.[1];

test('the report of an ended edition is drawn once and then served as the same file, until a setting changes it', async ({ page }) => {
	const edition = archived();
	const url = `/coordinator/editions/${edition.id}/report/report-nl.pdf`;
	await loginAs(page, demo.coordinator.email);
	const get = async () => {
		const response = await page.request.get(url);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		return response.body();
	};
	const first = await get();
	expect(creationDate(first)).toMatch(/^\d{4}-\d\d-\d\dT/);
	// A redrawn PDF would carry a later creation second: wait past it.
	await page.waitForTimeout(1100);
	const second = await get();
	expect(creationDate(second)).toBe(creationDate(first));
	expect(second.equals(first)).toBe(true);

	// The city's name is on the report: a new name gives a new report.
	await page.goto('/coordinator/settings');
	const name = page.getByLabel('Naam van de stad (Nederlands)');
	const original = await name.inputValue();
	await name.fill(`${original} (rapport)`);
	await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
	await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
	try {
		const third = await get();
		expect(creationDate(third)).not.toBe(creationDate(first));
		expect(third.toString('latin1')).not.toEqual(first.toString('latin1'));
	} finally {
		await page.goto('/coordinator/settings');
		await page.getByLabel('Naam van de stad (Nederlands)').fill(original);
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
	}
});
