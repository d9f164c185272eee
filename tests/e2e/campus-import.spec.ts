import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { campusesOfSchool, schoolByNumber } from './support/campus-db';
import { importCsv, importHeader, uniqueInstellingsnummer, windows1252, writeImportFile, type ImportRow } from './support/campus-csv';
import { CampusForm, CampusImportPage, CampusListPage, formattedCode } from './support/campus-pages';
import { loginAs } from './support/pages';
import { demo, unique } from './support/people';

/** A campus row that passes every check; tests change what they need. */
const cleanRow = (school: string, instellingsnummer: string, campus: string, extra: Partial<ImportRow> = {}): ImportRow => ({
	instellingsnummer,
	school,
	campus,
	straat: 'Doorniksestraat 12',
	postcode: '8500',
	gemeente: 'Kortrijk',
	niveaus: 'lager',
	...extra
});

/** The notice on the campus list after a confirmed import, as the coordinator reads it. */
const importDone = (c: { rows: number; schools: number; created: number; updated: number }) =>
	`Import klaar: ${c.rows} rijen, ${c.schools} nieuwe scholen, ${c.created} nieuwe campussen, ${c.updated} campussen bijgewerkt.`;

test.describe('campus import', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('the template downloads as Belgian Excel opens it: UTF-8 with BOM, the columns, ";" between cells', async ({ page, checkA11y }) => {
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		// The page explains the same columns, in the same order.
		await expect(page.getByRole('region', { name: 'Kolommen' }).getByRole('row')).toHaveText([
			/^Kolom/,
			...importHeader.map((column) => new RegExp(`^${column}`))
		]);
		await checkA11y();

		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download het sjabloon (CSV)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('campussen-sjabloon.csv');

		const bytes = await readFile(await download.path());
		expect([...bytes.subarray(0, 3)], 'a UTF-8 byte order mark, so Excel reads the accents right').toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.subarray(3).toString('utf8').split('\r\n');
		expect(lines[0]).toBe(importHeader.join(';'));
		const example = lines[1].split(';');
		expect(example).toHaveLength(importHeader.length);
		expect(example.slice(0, 3)).toEqual(['126847', 'Sint-Jozefscollège', 'Campus Centrum']);
	});

	test('a file with a problem row shows the counts and the problems in Dutch, offers no import and writes nothing', async ({ page, checkA11y }) => {
		const suffix = unique();
		const good = cleanRow(`Goede school ${suffix}`, uniqueInstellingsnummer(), 'Campus Noord');
		const bad = cleanRow(`Foute school ${suffix}`, uniqueInstellingsnummer(), 'Campus Zuid', {
			postcode: '850',
			niveaus: 'kleuter,universiteit',
			email: 'els@'
		});
		const file = writeImportFile('met-probleem.csv', importCsv([good, bad]));

		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(file);
		await expect(page).toHaveURL(/\/coordinator\/campuses\/import\?file=[0-9a-f]{64}$/);
		await importPage.expectCounts({ rows: 2, newSchools: 1, newCampuses: 1, updatedCampuses: 0, problemRows: 1 });
		await expect(importPage.preview().getByText('Rijen met een probleem: 1. Er wordt niets geïmporteerd zolang een rij een probleem heeft.')).toBeVisible();
		await expect(importPage.confirm()).toHaveCount(0);

		// Only the row that needs fixing is listed, with each problem naming its column.
		await expect(importPage.preview().getByRole('heading', { level: 3, name: 'Rijen met een probleem' })).toBeVisible();
		await expect(importPage.rows().getByRole('row')).toHaveCount(2);
		const row = importPage.row(3);
		await expect(row).toContainText(bad.school);
		await expect(row.getByRole('listitem')).toHaveText([
			'postcode: een Belgische postcode heeft 4 cijfers.',
			'niveaus: “universiteit” is geen niveau. Gebruik: kleuter, lager, secundair, buitengewoon_basis, buitengewoon_secundair, hoger.',
			'e-mail: geen geldig e-mailadres.'
		]);
		await expect(importPage.row(2)).toHaveCount(0);
		await checkA11y();

		expect(schoolByNumber(good.instellingsnummer), 'the clean row was not imported on its own').toBeNull();
		expect(schoolByNumber(bad.instellingsnummer)).toBeNull();
	});

	test('many problem rows are listed fifty a page', async ({ page }) => {
		const suffix = unique();
		const number = uniqueInstellingsnummer();
		const rows = Array.from({ length: 60 }, (_, i) => cleanRow(`Grote school ${suffix}`, number, `Campus ${i + 1}`, { postcode: 'abcd' }));
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('zestig-problemen.csv', importCsv(rows)));

		await importPage.expectCounts({ rows: 60, newSchools: 0, newCampuses: 0, updatedCampuses: 0, problemRows: 60 });
		const pagination = importPage.preview().getByRole('navigation', { name: 'Paginering' });
		await expect(pagination).toContainText('Pagina 1 van 2');
		await expect(importPage.rows().getByRole('row')).toHaveCount(51);
		await expect(importPage.row(51)).toContainText('Campus 50');
		await expect(importPage.row(52)).toHaveCount(0);

		await pagination.getByRole('link', { name: /Volgende/ }).click();
		await expect(pagination).toContainText('Pagina 2 van 2');
		await expect(importPage.rows().getByRole('row')).toHaveCount(11);
		await expect(importPage.row(61)).toContainText('postcode: een Belgische postcode heeft 4 cijfers.');
		await expect(importPage.row(2)).toHaveCount(0);
		expect(schoolByNumber(number)).toBeNull();
	});

	test('a clean file is previewed, confirmed, and its campuses are listed with their invite codes', async ({ page, checkA11y }) => {
		const suffix = unique();
		const [first, second] = [uniqueInstellingsnummer(), uniqueInstellingsnummer()];
		const rows = [
			cleanRow(`Sint-Amandusschool ${suffix}`, first, 'Campus Noord', {
				niveaus: 'kleuter,lager',
				contactpersoon: 'Els Peeters',
				email: 'els.peeters@example.org',
				telefoon: '056 12 34 56'
			}),
			cleanRow(`Sint-Amandusschool ${suffix}`, first, 'Campus Zuid', { straat: 'Zuidstraat 3', niveaus: 'secundair' }),
			cleanRow(`Basisschool Zoë ${suffix}`, second, 'Campus Lendelede', { postcode: '8860', gemeente: 'Lendelede', niveaus: 'kleuter, lager' })
		];
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('schoon.csv', importCsv(rows)));

		await importPage.expectCounts({ rows: 3, newSchools: 2, newCampuses: 3, updatedCampuses: 0, problemRows: 0 });
		await expect(importPage.preview().getByText('Geen problemen gevonden. Controleer de aantallen en bevestig de import.')).toBeVisible();
		await expect(importPage.row(4)).toContainText(`Basisschool Zoë ${suffix}`);
		await expect(importPage.row(4)).toContainText('8860 Lendelede');
		await expect(importPage.row(4)).toContainText('Nieuwe campus');
		await checkA11y();
		expect(schoolByNumber(first), 'nothing is written before the import is confirmed').toBeNull();

		await importPage.confirm().click();
		const list = new CampusListPage(page);
		await expect(list.heading()).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(importDone({ rows: 3, schools: 2, created: 3, updated: 0 }));
		await checkA11y();

		const stored = [...campusesOfSchool(first), ...campusesOfSchool(second)];
		expect(stored.map((c) => [c.name, c.levels])).toEqual([
			['Campus Noord', ['kleuter', 'lager']],
			['Campus Zuid', ['secundair']],
			['Campus Lendelede', ['kleuter', 'lager']]
		]);
		await list.find(suffix);
		await expect(list.table().getByRole('row')).toHaveCount(4);
		for (const campus of stored) await expect(list.row(campus.name)).toContainText(formattedCode(campus.inviteCode));
		await expect(list.row('Campus Noord')).toContainText(`Sint-Amandusschool ${suffix}`);
		await expect(list.row('Campus Noord')).toContainText('Kleuteronderwijs, Lager onderwijs');
		await expect(list.row('Campus Lendelede')).toContainText(`Basisschool Zoë ${suffix}`);
	});

	test('a file saved by Excel on Windows (windows-1252) keeps its accents', async ({ page }) => {
		const suffix = unique();
		const number = uniqueInstellingsnummer();
		const school = `Sint-Jozefscollège ${suffix}`;
		// Excel keeps the header's capitals; the import compares column names case-insensitively.
		const header = ['Instellingsnummer', 'School', 'Campus', 'Straat', 'Postcode', 'Gemeente', 'Niveaus', 'Contactpersoon', 'E-mail', 'Telefoon'];
		const bytes = windows1252(importCsv([cleanRow(school, number, 'Campus Overleie', { contactpersoon: 'Renée Noël', niveaus: 'secundair' })], header));
		expect(bytes.includes(0xe8), 'è is the single byte 0xE8, not valid UTF-8').toBe(true);

		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('excel-windows.csv', bytes));
		await importPage.expectCounts({ rows: 1, newSchools: 1, newCampuses: 1, updatedCampuses: 0, problemRows: 0 });
		await expect(importPage.row(2)).toContainText(school);

		await importPage.confirm().click();
		await expect(page.getByRole('status')).toHaveText(importDone({ rows: 1, schools: 1, created: 1, updated: 0 }));
		expect(schoolByNumber(number)?.name).toBe(school);

		const list = new CampusListPage(page);
		await list.find(`jozefscollège ${suffix}`);
		await expect(list.row('Campus Overleie')).toContainText(school);
		await list.row('Campus Overleie').getByRole('link', { name: 'Campus Overleie' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Campus Overleie' })).toBeVisible();
		await expect(page.getByRole('link', { name: school })).toBeVisible();
		await expect(new CampusForm(page.getByRole('region', { name: 'Gegevens wijzigen' })).contactName()).toHaveValue('Renée Noël');
	});

	test('importing a school again updates its campus, keeps the campus code and adds the new campus', async ({ page }) => {
		const suffix = unique();
		const number = uniqueInstellingsnummer();
		const school = `Atheneum Groeninge ${suffix}`;
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('eerste.csv', importCsv([cleanRow(school, number, 'Campus Groeninge')])));
		await importPage.confirm().click();
		await expect(page.getByRole('status')).toHaveText(importDone({ rows: 1, schools: 1, created: 1, updated: 0 }));
		const [before] = campusesOfSchool(number);

		await importPage.goto();
		const again = [
			cleanRow(school, number, 'Campus Groeninge', { straat: 'Groeningestraat 40', niveaus: 'lager,secundair' }),
			cleanRow(school, number, 'Campus Kaai')
		];
		await importPage.upload(writeImportFile('tweede.csv', importCsv(again)));
		await importPage.expectCounts({ rows: 2, newSchools: 0, newCampuses: 1, updatedCampuses: 1, problemRows: 0 });
		await expect(importPage.row(2)).toContainText('Bestaande campus bijwerken');
		await expect(importPage.row(3)).toContainText('Nieuwe campus');

		await importPage.confirm().click();
		await expect(page.getByRole('status')).toHaveText(importDone({ rows: 2, schools: 0, created: 1, updated: 1 }));
		const list = new CampusListPage(page);
		await list.find(suffix);
		await expect(list.table().getByRole('row')).toHaveCount(3);
		await expect(list.row('Campus Groeninge')).toContainText(formattedCode(before.inviteCode));
		await expect(list.row('Campus Groeninge')).toContainText('Lager onderwijs, Secundair onderwijs');
		const after = campusesOfSchool(number).find((c) => c.name === 'Campus Groeninge')!;
		expect(after).toMatchObject({ id: before.id, street: 'Groeningestraat 40', inviteCode: before.inviteCode });
	});

	test('a file with the wrong header gets one clear message and no preview', async ({ page, checkA11y }) => {
		const suffix = unique();
		const header = ['nummer', 'school', 'campus', 'adres', 'postcode', 'gemeente', 'niveaus'];
		const content = [header.join(';'), `${uniqueInstellingsnummer()};School ${suffix};Campus Noord;Noordstraat 1;8500;Kortrijk;lager`].join('\r\n');
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('verkeerde-kolommen.csv', content));

		await expect(importPage.alert()).toHaveText(
			`De eerste rij moet precies deze kolommen bevatten, in deze volgorde: ${importHeader.join(';')}. ` +
				`In het bestand staat: ${header.join(';')}. Vertrek van het sjabloon.`
		);
		await expect(importPage.alert()).toHaveCount(1);
		await expect(importPage.preview()).toHaveCount(0);
		await expect(importPage.confirm()).toHaveCount(0);
		await expect(page).not.toHaveURL(/file=/);
		await checkA11y();
	});
});

test.describe('campus import without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the file is checked and the import confirmed with plain forms', async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
		const suffix = unique();
		const number = uniqueInstellingsnummer();
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('zonder-javascript.csv', importCsv([cleanRow(`Zonder script ${suffix}`, number, 'Campus Zonder Script')])));
		await expect(page).toHaveURL(/\/coordinator\/campuses\/import\?file=[0-9a-f]{64}$/);
		await importPage.expectCounts({ rows: 1, newSchools: 1, newCampuses: 1, updatedCampuses: 0, problemRows: 0 });

		await importPage.confirm().click();
		await expect(page).toHaveURL(/\/coordinator\/campuses\?imported=1&/);
		await expect(page.getByRole('status')).toHaveText(importDone({ rows: 1, schools: 1, created: 1, updated: 0 }));
		const [campus] = campusesOfSchool(number);
		const list = new CampusListPage(page);
		await list.find(suffix);
		await expect(list.row('Campus Zonder Script')).toContainText(formattedCode(campus.inviteCode));
	});
});

/** How far the page itself scrolls sideways (wide tables scroll inside their own box). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('campus import on a phone-sized screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the preview with its problems does not scroll sideways', async ({ page, checkA11y }) => {
		await loginAs(page, demo.coordinator.email);
		const suffix = unique();
		const rows = [
			cleanRow(`Gemeentelijke basisschool De Wijngaard ${suffix}`, uniqueInstellingsnummer(), 'Campus Sint-Denijs-Westrem', {
				postcode: '85000',
				niveaus: 'kleuter,universiteit,hogeschool',
				email: 'secretariaat@'
			}),
			cleanRow(`Vrije basisschool ${suffix}`, uniqueInstellingsnummer(), '')
		];
		const importPage = new CampusImportPage(page);
		await importPage.goto();
		await importPage.upload(writeImportFile('smal-scherm.csv', importCsv(rows)));
		await importPage.expectCounts({ rows: 2, newSchools: 0, newCampuses: 0, updatedCampuses: 0, problemRows: 2 });
		await expect(importPage.row(3)).toContainText('campus: vul dit in.');
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await checkA11y();
	});
});
