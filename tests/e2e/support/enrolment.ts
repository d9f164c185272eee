import { expect, type Locator, type Page } from '@playwright/test';
import { campusInviteCode, mailLink } from './db';
import { RegisterPage, waitForScripts, type NewAccount } from './pages';
import { newPassword, unique, uniqueEmail } from './people';

/** Page objects and steps for class enrolment (teachers and coordinators). Dutch labels: the browser locale is nl-BE. */

const levelOfGrade: [RegExp, string][] = [
	[/^K/, 'Kleuteronderwijs'],
	[/^L/, 'Lager onderwijs'],
	[/^S/, 'Secundair onderwijs'],
	[/^BB$/, 'Buitengewoon basisonderwijs'],
	[/^BS$/, 'Buitengewoon secundair onderwijs']
];

/** The grade as the "Leerjaar" select shows it, e.g. "S1 · Secundair onderwijs". */
export function gradeOption(grade: string): string {
	const level = levelOfGrade.find(([re]) => re.test(grade));
	if (!level) throw new Error(`Unknown grade ${grade}`);
	return `${grade} · ${level[1]}`;
}

/** A class name no other test uses (at most 40 characters). */
export const uniqueClassName = (prefix = 'Klas') => `${prefix} ${unique()}`;

export interface ClassInput {
	campus?: string;
	name: string;
	grade?: string;
	pupils: string | number;
	language?: 'Nederlands' | 'Frans' | 'Engels' | 'Duits';
	preferences?: { date: string; part: 'voormiddag' | 'namiddag' }[];
	remarks?: string;
}

/** The class form shared by the teacher's enrol and edit pages and the coordinator's pages. */
export class ClassForm {
	constructor(readonly scope: Page | Locator) {}

	readonly campus = () => this.scope.getByLabel('Campus', { exact: true });
	readonly onBehalfOf = () => this.scope.getByLabel('Inschrijven voor leerkracht', { exact: true });
	readonly name = () => this.scope.getByLabel('Naam van de klas', { exact: true });
	readonly grade = () => this.scope.getByLabel('Leerjaar', { exact: true });
	readonly pupils = () => this.scope.getByLabel('Aantal leerlingen', { exact: true });
	readonly language = () => this.scope.getByLabel('Onderwijstaal', { exact: true });
	readonly preferences = () => this.scope.getByRole('group', { name: 'Voorkeur voor de workshop' });
	readonly date = (n: 1 | 2 | 3) => this.preferences().getByLabel(`Datum, voorkeur ${n}`, { exact: true });
	readonly part = (n: 1 | 2 | 3) => this.preferences().getByLabel(`Dagdeel, voorkeur ${n}`, { exact: true });
	readonly remarks = () => this.scope.getByLabel(/^Opmerkingen/);

	async fill(input: ClassInput) {
		if (input.campus) await this.campus().selectOption({ label: input.campus });
		await this.name().fill(input.name);
		if (input.grade) await this.grade().selectOption({ label: gradeOption(input.grade) });
		await this.pupils().fill(String(input.pupils));
		if (input.language) await this.language().selectOption({ label: input.language });
		for (const [i, pref] of (input.preferences ?? []).entries()) {
			const n = (i + 1) as 1 | 2 | 3;
			await this.date(n).fill(pref.date);
			await this.part(n).selectOption({ label: pref.part });
		}
		if (input.remarks !== undefined) await this.remarks().fill(input.remarks);
	}

	async submit(label: 'Inschrijven' | 'Wijzigingen opslaan' = 'Inschrijven') {
		await this.scope.getByRole('button', { name: label, exact: true }).click();
	}
}

export interface ClassRow {
	id: number;
	name: string;
	campus: string;
	edition: string;
	grade: string;
	pupils: string;
	status: string;
	owner?: string;
}

/** The teacher's start page: campaigns, their own classes and their colleagues'. */
export class TeacherHome {
	constructor(readonly page: Page) {}

	readonly campaigns = () => this.page.getByRole('heading', { level: 2, name: 'Campagnes' });
	readonly enrolLink = () => this.page.getByRole('link', { name: 'Schrijf een klas in' });
	readonly myClasses = () => this.page.getByRole('table', { name: 'Mijn ingeschreven klassen' });
	readonly colleagueClasses = () => this.page.getByRole('table', { name: /^Klassen van collega/ });
	readonly notice = () => this.page.getByRole('status');

	async goto() {
		await this.page.goto('/teacher');
		await expect(this.campaigns()).toBeVisible();
	}

	/** The row of a class in one of the tables, by its exact name and edition. */
	row(table: Locator, name: string, edition: string): Locator {
		return table
			.getByRole('row')
			.filter({ has: this.page.getByRole('link', { name: `Open klas ${name}`, exact: true }) })
			.filter({ hasText: edition });
	}

	/** Every class row of a table as the teacher reads it. */
	async rows(table: Locator): Promise<ClassRow[]> {
		const rows: ClassRow[] = [];
		// The owner column comes after the workshop column; find it by its header.
		const ownerAt = (await table.getByRole('columnheader').allInnerTexts()).findIndex((h) => h.trim() === 'Ingeschreven door');
		for (const row of await table.getByRole('row').all()) {
			const link = row.getByRole('link');
			if ((await link.count()) === 0) continue;
			const cells = await row.getByRole('cell').allInnerTexts();
			const [nameLine, campus] = cells[0].split('\n').map((s) => s.trim());
			rows.push({
				id: Number((await link.getAttribute('href'))!.split('/').pop()),
				name: nameLine,
				campus,
				edition: cells[1].trim(),
				grade: cells[2].trim(),
				pupils: cells[3].trim(),
				status: cells[4].trim(),
				owner: ownerAt >= 0 ? cells[ownerAt]?.trim() : undefined
			});
		}
		return rows;
	}

	async openClass(table: Locator, name: string, edition: string) {
		await this.row(table, name, edition)
			.getByRole('link', { name: `Open klas ${name}`, exact: true })
			.click();
		await expect(this.page.getByRole('heading', { level: 1, name: `Klas ${name}` })).toBeVisible();
	}
}

/** "Wachtlijst, plaats 3" (or "Wachtlijst, plaats 3 · campus volzet") → 3; anything else → null. */
export function waitingPosition(status: string): number | null {
	const match = /^Wachtlijst, plaats (\d+)( · .+)?$/.exec(status);
	return match ? Number(match[1]) : null;
}

/** The value next to a term in a class summary (a description list). */
export function summaryValue(page: Page, term: string): Locator {
	return page
		.getByRole('term')
		.filter({ hasText: new RegExp(`^${term}$`) })
		.locator('xpath=following-sibling::dd[1]');
}

/** The class id in a /teacher/classes/<id> or /coordinator/classes/<id> address. */
export function classIdOf(page: Page): number {
	const match = /\/classes\/(\d+)/.exec(new URL(page.url()).pathname);
	if (!match) throw new Error(`Not a class page: ${page.url()}`);
	return Number(match[1]);
}

/** Opens the enrol form of the only open campaign from the teacher's start page. */
export async function openEnrolForm(page: Page, editionName: string): Promise<ClassForm> {
	await new TeacherHome(page).enrolLink().click();
	await expect(page.getByRole('heading', { level: 1, name: `Klas inschrijven: ${editionName}` })).toBeVisible();
	await waitForScripts(page);
	return new ClassForm(page);
}

/** Enrols a class through the teacher's form and waits for the start page with the notice. */
export async function enrolAsTeacher(page: Page, editionName: string, input: ClassInput): Promise<void> {
	await new TeacherHome(page).goto();
	const form = await openEnrolForm(page, editionName);
	await form.fill(input);
	await form.submit();
	await expect(page).toHaveURL(/\/teacher\?/);
}

/**
 * Registers a new teacher of the campus with its code and confirms the address, which
 * logs them in (in this page). A fresh teacher has no classes of their own, so their list shows
 * exactly what the test did.
 */
export async function registerTeacherAt(page: Page, campusName: string, prefix = 'leerkracht'): Promise<NewAccount> {
	const suffix = unique();
	const account = { email: uniqueEmail(prefix, suffix), name: `Leerkracht ${suffix}`, password: newPassword(suffix) };
	const form = new RegisterPage(page);
	await form.goto();
	await form.register({ code: campusInviteCode(campusName), ...account });
	await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
	await page.goto(await mailLink(account.email, 'email_confirm'));
	await page.getByRole('button', { name: 'Bevestig mijn adres' }).click();
	// Confirming logs the teacher in (issue 18).
	await expect(page).toHaveURL('/teacher?notice=confirmed');
	return account;
}

export interface EditionInput {
	year: number;
	name: string;
	opens: string;
	closes: string;
	workshopStarts: string;
	workshopEnds: string;
	grades: string[];
	maxClasses?: number;
	maxPerCampus?: number;
}

/** The coordinator's edition form (new edition, or the settings of an existing one). */
export class EditionForm {
	constructor(readonly page: Page) {}

	readonly year = () => this.page.getByLabel('Jaar', { exact: true });
	readonly name = () => this.page.getByLabel('Naam', { exact: true });
	readonly window = () => this.page.getByRole('group', { name: 'Inschrijvingsperiode' });
	readonly opens = () => this.window().getByLabel('Begint op', { exact: true });
	readonly closes = () => this.window().getByLabel('Eindigt op', { exact: true });
	readonly workshopStarts = () => this.page.getByLabel('Eerste dag', { exact: true });
	readonly workshopEnds = () => this.page.getByLabel('Laatste dag', { exact: true });
	readonly grade = (grade: string) => this.page.getByRole('checkbox', { name: grade, exact: true });
	readonly maxClasses = () => this.page.getByLabel(/^In de hele editie/);
	readonly maxPerCampus = () => this.page.getByLabel(/^Per campus/);

	async gotoNew() {
		await this.page.goto('/coordinator/editions');
		await this.page.getByRole('link', { name: 'Nieuwe editie' }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuwe editie' })).toBeVisible();
		await waitForScripts(this.page);
	}

	async fill(input: EditionInput) {
		await this.year().fill(String(input.year));
		await this.name().fill(input.name);
		await this.opens().fill(input.opens);
		await this.closes().fill(input.closes);
		await this.workshopStarts().fill(input.workshopStarts);
		await this.workshopEnds().fill(input.workshopEnds);
		for (const grade of input.grades) await this.grade(grade).check();
		if (input.maxClasses !== undefined) await this.maxClasses().fill(String(input.maxClasses));
		if (input.maxPerCampus !== undefined) await this.maxPerCampus().fill(String(input.maxPerCampus));
	}

	async create() {
		await this.page.getByRole('button', { name: 'Editie aanmaken' }).click();
	}
}

/**
 * Creates a draft edition through the form and publishes it, leaving the page on the
 * edition. Returns the edition's id.
 */
export async function createPublishedEdition(page: Page, input: EditionInput): Promise<number> {
	const form = new EditionForm(page);
	await form.gotoNew();
	await form.fill(input);
	await form.create();
	await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByRole('status')).toContainText('De editie is gepubliceerd.');
	return Number(/\/coordinator\/editions\/(\d+)/.exec(page.url())![1]);
}

/**
 * The coordinator's enrolment on a teacher's behalf: search and choose the campus,
 * then the class form. Leaves the page on the new class.
 */
export async function enrolAsCoordinator(page: Page, editionId: number, campus: { search: string; label: string }, input: ClassInput & { teacher?: string }) {
	await page.goto(`/coordinator/editions/${editionId}/enrol`);
	await expect(page.getByRole('heading', { level: 2, name: 'Kies eerst de campus' })).toBeVisible();
	const search = page.getByRole('search');
	await search.getByLabel('Zoek een campus op school, campus of gemeente').fill(campus.search);
	await search.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('link', { name: `Kies ${campus.label}` }).click();
	await expect(page.getByText(campus.label, { exact: true })).toBeVisible();
	await waitForScripts(page);
	const form = new ClassForm(page);
	if (input.teacher) await form.onBehalfOf().selectOption({ label: input.teacher });
	await form.fill(input);
	await form.submit();
	await expect(page.getByRole('heading', { level: 1, name: `Klas ${input.name}` })).toBeVisible();
	return classIdOf(page);
}
