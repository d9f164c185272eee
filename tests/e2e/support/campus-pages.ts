import { expect, type Locator, type Page } from '@playwright/test';
import { waitForScripts } from './pages';

/** Page objects for the coordinator's schools, campuses and campus import. Dutch labels (nl-BE). */

/** "ABCDEFGHJKMN" as the pages show it: "ABCD-EFGH-JKMN". */
export const formattedCode = (code: string) => code.match(/.{4}/g)!.join('-');

export const levelNames = {
	kleuter: 'Kleuteronderwijs',
	lager: 'Lager onderwijs',
	secundair: 'Secundair onderwijs',
	buitengewoon_basis: 'Buitengewoon basisonderwijs',
	buitengewoon_secundair: 'Buitengewoon secundair onderwijs',
	hoger: 'Hoger onderwijs'
} as const;
export type LevelName = (typeof levelNames)[keyof typeof levelNames];

export class SchoolsPage {
	constructor(readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Scholen' });
	readonly newSchool = () => this.page.getByRole('region', { name: 'Nieuwe school' });
	readonly name = () => this.newSchool().getByLabel('Naam van de school', { exact: true });
	readonly number = () => this.newSchool().getByLabel('Instellingsnummer', { exact: true });
	readonly list = () => this.page.getByRole('region', { name: 'Scholen' });
	readonly search = () => this.page.getByRole('search');

	async goto() {
		await this.page.goto('/coordinator/schools');
		await expect(this.heading()).toBeVisible();
		await waitForScripts(this.page);
	}

	async create(name: string, instellingsnummer: string) {
		await this.name().fill(name);
		await this.number().fill(instellingsnummer);
		await this.newSchool().getByRole('button', { name: 'School aanmaken' }).click();
	}

	async find(text: string) {
		await this.search().getByLabel('Zoek op naam of instellingsnummer').fill(text);
		await this.search().getByRole('button', { name: 'Zoeken' }).click();
		await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`));
	}

	row(text: string) {
		return this.list().getByRole('row').filter({ hasText: text });
	}
}

/** The campus fields, on the "Nieuwe campus" page and in a campus page's "Gegevens wijzigen". */
export class CampusForm {
	constructor(readonly scope: Locator) {}

	readonly school = () => this.scope.getByLabel('School', { exact: true });
	readonly name = () => this.scope.getByLabel('Naam van de campus', { exact: true });
	readonly street = () => this.scope.getByLabel('Straat en nummer', { exact: true });
	readonly postalCode = () => this.scope.getByLabel('Postcode', { exact: true });
	readonly city = () => this.scope.getByLabel('Gemeente', { exact: true });
	readonly levels = () => this.scope.getByRole('group', { name: 'Niveaus' });
	readonly level = (name: LevelName) => this.levels().getByRole('checkbox', { name, exact: true });
	readonly contact = () => this.scope.getByRole('group', { name: 'Contactpersoon' });
	readonly contactName = () => this.contact().getByLabel('Naam (niet verplicht)', { exact: true });
	readonly contactEmail = () => this.contact().getByLabel('E-mailadres (niet verplicht)', { exact: true });
	readonly alert = () => this.scope.page().getByRole('alert');

	async fill(input: { name?: string; street?: string; postalCode?: string; city?: string; levels?: LevelName[]; contactName?: string; contactEmail?: string }) {
		if (input.name !== undefined) await this.name().fill(input.name);
		if (input.street !== undefined) await this.street().fill(input.street);
		if (input.postalCode !== undefined) await this.postalCode().fill(input.postalCode);
		if (input.city !== undefined) await this.city().fill(input.city);
		if (input.contactName !== undefined) await this.contactName().fill(input.contactName);
		if (input.contactEmail !== undefined) await this.contactEmail().fill(input.contactEmail);
		if (input.levels) {
			for (const name of Object.values(levelNames)) await this.level(name).setChecked(input.levels.includes(name));
		}
	}

	async submit(label: 'Campus aanmaken' | 'Opslaan') {
		await this.scope.getByRole('button', { name: label, exact: true }).click();
	}
}

export class CampusListPage {
	constructor(readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Campussen' });
	readonly search = () => this.page.getByRole('search');
	readonly table = () => this.page.getByRole('table');

	async goto() {
		await this.page.goto('/coordinator/campuses');
		await expect(this.heading()).toBeVisible();
		await waitForScripts(this.page);
	}

	async find(text: string, level?: LevelName | 'Alle niveaus') {
		await this.search().getByLabel('Zoek op school, campus of gemeente').fill(text);
		if (level) await this.search().getByLabel('Niveau', { exact: true }).selectOption({ label: level });
		await this.search().getByRole('button', { name: 'Zoeken' }).click();
		await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`));
	}

	row(text: string) {
		return this.table().getByRole('row').filter({ hasText: text });
	}
}

export class CampusImportPage {
	constructor(readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Campussen importeren' });
	readonly preview = () => this.page.getByRole('region', { name: 'Voorbeeld' });
	/** The five counts above the rows, as read out: "3 rijen", "1 nieuwe scholen", … */
	readonly counts = () => this.preview().getByRole('list').first().getByRole('listitem');
	readonly rows = () => this.preview().getByRole('table');
	readonly confirm = () => this.page.getByRole('button', { name: /^Importeer [\d.]+ rijen$/ });
	readonly file = () => this.page.getByLabel('CSV-bestand', { exact: true });
	readonly alert = () => this.page.getByRole('alert');

	async goto() {
		await this.page.goto('/coordinator/campuses/import');
		await expect(this.heading()).toBeVisible();
		await waitForScripts(this.page);
	}

	/** Chooses the file and sends it for checking. */
	async upload(path: string) {
		await this.file().setInputFiles(path);
		await this.page.getByRole('button', { name: 'Bestand controleren' }).click();
	}

	/** Expects the preview with these counts, in the page's order. */
	async expectCounts(c: { rows: number; newSchools: number; newCampuses: number; updatedCampuses: number; problemRows: number }) {
		await expect(this.counts()).toHaveText(
			[
				`${c.rows} rijen`,
				`${c.newSchools} nieuwe scholen`,
				`${c.newCampuses} nieuwe campussen`,
				`${c.updatedCampuses} bestaande campussen bijgewerkt`,
				`${c.problemRows} rijen met een probleem`
			],
			{ useInnerText: true }
		);
	}

	/** The preview's row for this line of the file (the header is line 1). */
	row(line: number) {
		return this.rows()
			.getByRole('row')
			.filter({ has: this.page.getByRole('cell', { name: String(line), exact: true }) });
	}
}
