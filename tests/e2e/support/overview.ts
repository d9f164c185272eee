import { expect, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { ClassForm, type ClassInput } from './enrolment';
import type { EditionRow } from './enrolment-db';
import { overviewTotals, type StoredClass } from './overview-db';
import { waitForScripts } from './pages';

/** Page object and file readers for the coordinator's enrolment overview and its downloads. Dutch labels: the browser locale is nl-BE. */

/** The overview shows 50 classes a page (src/lib/server/reports/enrolment-overview.service.ts). */
export const pageSize = 50;
export const numbers = new Intl.NumberFormat('nl-BE');

export const dutchHeader = [
	'School',
	'Instellingsnummer',
	'Campus',
	'Postcode',
	'Gemeente',
	'Klas',
	'Leerjaar',
	'Niveau',
	'Leerlingen',
	'Onderwijstaal',
	'Status',
	'Plaats op de wachtlijst',
	'Ingeschreven op',
	'Deelname'
];
export const englishHeader = [
	'School',
	'Institution number',
	'Campus',
	'Postal code',
	'Municipality',
	'Class',
	'Grade',
	'Level',
	'Pupils',
	'Language of instruction',
	'Status',
	'Place on the waiting list',
	'Enrolled on',
	'Taking part'
];
export const column = (name: string) => dutchHeader.indexOf(name);

export const statusText = (c: StoredClass) =>
	c.status === 'enrolled' ? 'Ingeschreven' : c.status === 'waiting' ? `Wachtlijst, plaats ${c.position}` : 'Uitgeschreven';

/** A class as one line of the overview's table reads: campus, class, grade, pupils, status. */
export const line = (c: StoredClass) => `${c.campus} | ${c.name} | ${c.grade} | ${c.pupils} | ${statusText(c)}`;
export const lines = (classes: StoredClass[]) => classes.map(line).sort();

/** The coordinator's enrolment overview of one edition. Dutch labels: the browser locale is nl-BE. */
export class OverviewPage {
	constructor(
		readonly page: Page,
		readonly edition: EditionRow
	) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1, name: `Inschrijvingen ${this.edition.name}` });
	readonly totals = () => this.page.getByRole('region', { name: 'Totalen' });
	readonly figure = (label: string) => this.totals().getByRole('listitem').filter({ hasText: label });
	readonly filters = () => this.page.getByRole('search');
	readonly search = () => this.filters().getByLabel('Zoeken', { exact: true });
	readonly school = () => this.filters().getByLabel('School', { exact: true });
	readonly level = () => this.filters().getByLabel('Niveau', { exact: true });
	readonly status = () => this.filters().getByLabel('Status', { exact: true });
	readonly list = () => this.page.getByRole('region', { name: 'Klassen' });
	readonly table = () => this.list().getByRole('table');
	readonly count = () => this.list().getByText(/^[\d.]+ klassen$/);
	readonly pagination = () => this.page.getByRole('navigation', { name: 'Paginering' });
	readonly csvLink = () => this.list().getByRole('link', { name: 'Download CSV' });
	readonly xlsxLink = () => this.list().getByRole('link', { name: 'Download Excel' });
	readonly sortLink = (header: string) =>
		this.table()
			.getByRole('columnheader', { name: new RegExp(`^${header}`) })
			.getByRole('link');

	async goto() {
		await this.page.goto(`/coordinator/editions/${this.edition.id}/enrolments`);
		await this.ready();
	}

	async ready() {
		await expect(this.heading()).toBeVisible();
		await waitForScripts(this.page);
	}

	/** Chooses filters in the form (other fields as they are) and applies them. */
	async filter(choice: { q?: string; school?: string; level?: string; status?: string }) {
		await this.openFilters();
		if (choice.q !== undefined) await this.search().fill(choice.q);
		if (choice.school !== undefined) await this.school().fill(choice.school);
		if (choice.level) await this.level().selectOption({ label: choice.level });
		if (choice.status) await this.status().selectOption({ label: choice.status });
		const before = this.page.url();
		await this.filters().getByRole('button', { name: 'Toon' }).click();
		await expect(this.page).not.toHaveURL(before);
		await this.ready();
	}

	/**
	 * The rows of the table as `line()` writes them, in the order shown: the campus from the
	 * heading of the row's group (school – campus), the rest from the row's cells.
	 */
	async rows(): Promise<string[]> {
		return this.table().evaluate((table) =>
			[...table.querySelectorAll('tbody')].flatMap((group) => {
				// The heading's first part names school and campus; city and count follow.
				const name = group.querySelector('th[scope="rowgroup"] > :first-child')!.textContent!;
				const campus = name.split(' – ').at(-1)!.trim();
				return [...group.querySelectorAll('tr')]
					.filter((row) => row.querySelector('td'))
					.map((row) => {
						const [, grade, pupils, status] = [...row.querySelectorAll('td')].map((td) => td.innerText.trim());
						return [campus, row.querySelector('td a')!.textContent!.trim(), grade.split(' · ')[0], pupils, status].join(' | ');
					});
			})
		);
	}

	/** The groups of rows as their headings read: "School – Campus", the rest of the heading, and the rows under it. */
	async groups(): Promise<{ heading: string; rows: number }[]> {
		return this.table().evaluate((table) =>
			[...table.querySelectorAll('tbody')].map((group) => ({
				heading: (group.querySelector('th[scope="rowgroup"]') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
				rows: group.querySelectorAll('tr:has(td)').length
			}))
		);
	}

	/** The link that orders the campus groups by school or by campus. */
	readonly groupSortLink = (name: 'school' | 'campus') => this.list().getByRole('link', { name: new RegExp(`^${name}\\b`) });

	/** Opens the filter panel if it is folded (as it is on a phone). */
	async openFilters() {
		const panel = this.page.locator('details').filter({ has: this.page.locator('form[role="search"]') });
		if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
		await expect(this.filters()).toBeVisible();
	}

	/** The pupil counts in the order shown. */
	async pupils(): Promise<number[]> {
		return (await this.rows()).map((row) => Number(row.split(' | ')[3].replace(/\./g, '')));
	}

	/** Waits until the table shows exactly these classes (in any order). */
	async expectClasses(classes: StoredClass[]) {
		await expect(this.count()).toHaveText(`${numbers.format(classes.length)} klassen`);
		await expect.poll(async () => (await this.rows()).sort()).toEqual(lines(classes));
	}

	async expectTotals(classes: StoredClass[]) {
		const totals = overviewTotals(classes);
		for (const [label, value] of [
			['campussen nemen deel', totals.campuses],
			['klassen ingeschreven', totals.enrolled],
			['leerlingen bereikt', totals.pupils],
			['klassen op de wachtlijst', totals.waiting]
		] as const) {
			await expect(this.figure(label), label).toHaveText(new RegExp(`^\\s*${numbers.format(value).replace('.', '\\.')}\\s*${label}\\s*$`));
		}
	}

	/** Clicks a download link and returns the file. */
	async download(link: 'Download CSV' | 'Download Excel'): Promise<Download> {
		const downloading = this.page.waitForEvent('download');
		await this.list().getByRole('link', { name: link }).click();
		return downloading;
	}
}

/** The CSV as a user's spreadsheet reads it: rows of cells, after checking the bytes Excel needs. */
export async function readCsv(download: Download): Promise<{ text: string; rows: string[][] }> {
	const bytes = await readFile(await download.path());
	expect([...bytes.subarray(0, 3)], 'the file starts with the UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	expect(text.endsWith('\r\n'), 'the last row ends in CRLF').toBe(true);
	expect(text.replace(/\r\n/g, ''), 'no line ends other than CRLF').not.toMatch(/[\r\n]/);
	return { text, rows: parse(text, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: false }) as string[][] };
}

/** What a cell of the XLSX file says, written as the CSV writes it (dates as YYYY-MM-DD, empty as ''). */
export function asCsvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	const text = String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Enrols a class as the demo teacher (Campus Centrum) through the enrol form. */
export async function enrolAsDemoTeacher(page: Page, edition: EditionRow, input: ClassInput) {
	await page.goto(`/teacher/editions/${edition.id}/enrol`);
	await expect(page.getByRole('heading', { level: 1, name: `Klas inschrijven: ${edition.name}` })).toBeVisible();
	await waitForScripts(page);
	const form = new ClassForm(page);
	await form.fill(input);
	await form.submit();
	await expect(page).toHaveURL(/\/teacher\?/);
	await expect(page.getByRole('status')).toContainText(input.name);
}

export const fileName = (edition: EditionRow, prefix: string, ext: string) => `${prefix}-${edition.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${ext}`;
