import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { campusesOfSchool, demoEditionNames, schoolsNamed } from './support/campus-db';
import { uniqueInstellingsnummer } from './support/campus-csv';
import { CampusForm, CampusListPage, SchoolsPage, formattedCode, type LevelName } from './support/campus-pages';
import { RegisterPage, loginAs, waitForScripts } from './support/pages';
import { demo, newPassword, unique, uniqueEmail } from './support/people';

interface NewSchool {
	id: string;
	name: string;
	instellingsnummer: string;
}

/** Creates a school through the schools page; leaves the page on the new school's page. */
async function createSchool(page: Page, name: string): Promise<NewSchool> {
	const instellingsnummer = uniqueInstellingsnummer();
	const schools = new SchoolsPage(page);
	await schools.goto();
	await schools.create(name, instellingsnummer);
	await expect(page).toHaveURL(/\/coordinator\/schools\/\d+\?created=1$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return { id: new URL(page.url()).pathname.split('/').pop()!, name, instellingsnummer };
}

/** Adds a campus from the school's page; leaves the page on the new campus's page. */
async function addCampus(page: Page, input: { name: string; street: string; postalCode: string; city: string; levels: LevelName[] }) {
	await page.getByRole('link', { name: 'Campus toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe campus' })).toBeVisible();
	const form = new CampusForm(page.getByRole('main'));
	await form.fill(input);
	await form.submit('Campus aanmaken');
	await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
}

test.describe('schools and campuses', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('a coordinator creates a school, adds a campus with its levels and edits it', async ({ page, checkA11y }) => {
		const suffix = unique();
		const name = `Sint-Rembertcollege ${suffix}`;
		const number = uniqueInstellingsnummer();

		await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Scholen' }).click();
		const schools = new SchoolsPage(page);
		await expect(schools.heading()).toBeVisible();
		await checkA11y();
		await schools.create(name, number);

		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('De school is aangemaakt. Voeg nu haar campussen toe.');
		await expect(page.getByText(`Instellingsnummer: ${number}`)).toBeVisible();
		await expect(page.getByText('Deze school heeft nog geen campussen. Voeg er een toe.')).toBeVisible();
		await checkA11y();

		await page.getByRole('link', { name: 'Campus toevoegen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe campus' })).toBeVisible();
		const form = new CampusForm(page.getByRole('main'));
		await expect(form.school().getByRole('option', { name: `${name} (${number})`, selected: true })).toHaveCount(1);
		await checkA11y();
		await form.fill({
			name: 'Campus Rembert',
			street: 'Sint-Rembertstraat 4',
			postalCode: '8500',
			city: 'Kortrijk',
			levels: ['Kleuteronderwijs', 'Lager onderwijs'],
			contactName: 'Marie Vandenberghe',
			contactEmail: 'marie@example.org'
		});
		await form.submit('Campus aanmaken');

		await expect(page.getByRole('heading', { level: 1, name: 'Campus Rembert' })).toBeVisible();
		const [campus] = campusesOfSchool(number);
		await expect(page.getByRole('status')).toHaveText(
			`De campus is aangemaakt. Zijn campuscode is ${formattedCode(campus.inviteCode)}: geef ze aan de leerkrachten van deze campus.`
		);
		await expect(page.getByRole('region', { name: 'Campuscode' })).toContainText(formattedCode(campus.inviteCode));
		await expect(page.getByText('Niveaus: Kleuteronderwijs, Lager onderwijs')).toBeVisible();
		await expect(page.getByText('Deze campus heeft geen klassen in de lopende edities.')).toBeVisible();
		await expect(page.getByText('Nog geen leerkrachten.')).toBeVisible();
		await checkA11y();

		// Edit: the form starts from what is stored.
		const edit = new CampusForm(page.getByRole('region', { name: 'Gegevens wijzigen' }));
		await expect(edit.street()).toHaveValue('Sint-Rembertstraat 4');
		await expect(edit.level('Kleuteronderwijs')).toBeChecked();
		await expect(edit.contactName()).toHaveValue('Marie Vandenberghe');
		await edit.fill({ street: 'Kerkstraat 9', postalCode: '8860', city: 'Lendelede', levels: ['Lager onderwijs', 'Secundair onderwijs'] });
		await edit.submit('Opslaan');
		await expect(page.getByRole('status')).toHaveText('De wijzigingen zijn opgeslagen.');
		await expect(page.getByText('Niveaus: Lager onderwijs, Secundair onderwijs')).toBeVisible();

		await page.reload();
		await expect(page.getByRole('link', { name })).toBeVisible();
		await expect(page.getByText(`${name} · Kerkstraat 9, 8860 Lendelede`)).toBeVisible();
		await expect(edit.level('Kleuteronderwijs')).not.toBeChecked();
		await expect(edit.level('Secundair onderwijs')).toBeChecked();
		expect(campusesOfSchool(number)[0].inviteCode, 'editing keeps the campus code').toBe(campus.inviteCode);

		await page.getByRole('link', { name }).click();
		const row = page.getByRole('region', { name: 'Campussen' }).getByRole('row').filter({ hasText: 'Campus Rembert' });
		await expect(row).toContainText('Kerkstraat 9, 8860 Lendelede');
		await expect(row).toContainText('Actief');
	});

	test('the campus form explains bad input and keeps what was typed', async ({ page, checkA11y }) => {
		const school = await createSchool(page, `Basisschool De Klimop ${unique()}`);
		await page.getByRole('link', { name: 'Campus toevoegen' }).click();
		const form = new CampusForm(page.getByRole('main'));
		await form.fill({ name: 'Campus Klimop', street: 'Klimopstraat 2', postalCode: '85OO', city: 'Kortrijk', contactName: 'Jan Claes', levels: [] });
		await form.submit('Campus aanmaken');

		await expect(form.alert()).toContainText('Controleer de gemarkeerde velden.');
		await expect(form.postalCode()).toHaveAttribute('aria-invalid', 'true');
		await expect(form.postalCode()).toHaveAccessibleDescription('Een Belgische postcode heeft 4 cijfers.');
		await expect(form.levels()).toHaveAccessibleDescription('Kies minstens één niveau.');
		await expect(form.postalCode()).toHaveValue('85OO');
		await expect(form.name()).toHaveValue('Campus Klimop');
		await expect(form.street()).toHaveValue('Klimopstraat 2');
		await expect(form.city()).toHaveValue('Kortrijk');
		await expect(form.contactName()).toHaveValue('Jan Claes');
		await expect(form.school()).toHaveValue(school.id);
		await checkA11y();
		expect(campusesOfSchool(school.instellingsnummer)).toEqual([]);

		// Corrected, the same form creates the campus.
		await form.fill({ postalCode: '8500', levels: ['Lager onderwijs'] });
		await form.submit('Campus aanmaken');
		await expect(page.getByRole('heading', { level: 1, name: 'Campus Klimop' })).toBeVisible();
		await expect(page.getByText('Niveaus: Lager onderwijs')).toBeVisible();
		expect(campusesOfSchool(school.instellingsnummer).map((c) => [c.postalCode, c.contactName])).toEqual([['8500', 'Jan Claes']]);
	});

	test('an instellingsnummer another school holds is refused on the school form', async ({ page, checkA11y }) => {
		const name = `Atheneum Kopie ${unique()}`;
		const schools = new SchoolsPage(page);
		await schools.goto();
		await schools.create(name, '900303');

		await expect(schools.number()).toHaveAttribute('aria-invalid', 'true');
		await expect(schools.number()).toHaveAccessibleDescription(/Dit instellingsnummer hoort al bij Atheneum Leiestad\./);
		await expect(schools.newSchool().getByRole('alert').getByRole('link')).toHaveText('Dit instellingsnummer hoort al bij Atheneum Leiestad.');
		await expect(schools.name()).toHaveValue(name);
		await expect(schools.number()).toHaveValue('900303');
		await checkA11y();

		await schools.number().fill('9003O3');
		await schools.newSchool().getByRole('button', { name: 'School aanmaken' }).click();
		await expect(schools.number()).toHaveAccessibleDescription(/Gebruik alleen cijfers, hoogstens 10\./);
		await expect(schools.name()).toHaveValue(name);
		expect(schoolsNamed(name)).toBe(0);
	});

	test('the campus page shows its teachers, the classes of the current edition and its history', async ({ page, checkA11y }) => {
		const editions = demoEditionNames();
		const list = new CampusListPage(page);
		await list.goto();
		await list.find('Stationsplein');
		await list.row('Campus Stationsplein').getByRole('link', { name: 'Campus Stationsplein' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Campus Stationsplein' })).toBeVisible();
		await expect(page.getByText('Atheneum Leiestad · Stationsplein 3, 8500 Kortrijk')).toBeVisible();

		const teachers = page.getByRole('region', { name: 'Leerkrachten' });
		await expect(teachers.getByRole('row').filter({ hasText: demo.teacherTrainer.name })).toContainText(demo.teacherTrainer.email);

		// Classes: the current edition's only; the archived edition shows in the history.
		const classes = page.getByRole('region', { name: 'Klassen in de lopende edities' });
		await expect(
			classes
				.getByRole('row')
				.filter({ hasText: editions.current })
				.filter({ has: page.getByRole('link', { name: '1A', exact: true }) })
		).toHaveCount(1);
		await expect(classes.getByRole('row').filter({ hasText: editions.archived })).toHaveCount(0);
		await expect(classes.getByRole('row').filter({ hasText: 'Op de wachtlijst' }).first()).toContainText(/plaats \d+/);

		const history = page.getByRole('region', { name: 'Geschiedenis per editie' });
		await expect(history.getByRole('row').filter({ hasText: editions.current })).toHaveCount(1);
		// Last year: 1A and 3A took part (22 + 20 pupils), 5A withdrew.
		await expect(history.getByRole('row').filter({ hasText: editions.archived }).getByRole('cell')).toHaveText([editions.archived, '2', '0', '1', '42']);
		await checkA11y();
	});

	test('a deactivated campus leaves the lists and its code no longer registers teachers', async ({ page, openBrowser, checkA11y }) => {
		const suffix = unique();
		const school = await createSchool(page, `Vrije Basisschool Rollegem ${suffix}`);
		await addCampus(page, { name: 'Campus Rollegem', street: 'Rollegemplaats 1', postalCode: '8510', city: 'Rollegem', levels: ['Lager onderwijs'] });
		const [campus] = campusesOfSchool(school.instellingsnummer);

		// The code works: a teacher registers with it and shows up on the campus page.
		const visitor = await openBrowser();
		const form = new RegisterPage(visitor);
		const teacher = {
			code: formattedCode(campus.inviteCode),
			name: `Leerkracht ${suffix}`,
			email: uniqueEmail('rollegem', suffix),
			password: newPassword(suffix)
		};
		await form.goto();
		await form.register(teacher);
		await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
		await page.reload();
		await waitForScripts(page);
		await expect(page.getByRole('region', { name: 'Leerkrachten' }).getByRole('row').filter({ hasText: teacher.name })).toContainText(teacher.email);

		// Deactivating asks for a ticked box first.
		const danger = page.getByRole('region', { name: 'Campus deactiveren' });
		await danger.locator('summary', { hasText: 'Campus deactiveren' }).click();
		await danger.getByRole('button', { name: 'Campus deactiveren' }).click();
		await expect(danger.getByRole('checkbox', { name: 'Ja, deactiveer Campus Rollegem' })).toHaveAccessibleDescription('Vink het vakje aan om te bevestigen.');
		await danger.getByRole('checkbox', { name: 'Ja, deactiveer Campus Rollegem' }).check();
		await danger.getByRole('button', { name: 'Campus deactiveren' }).click();

		await expect(page.getByRole('status')).toHaveText('De campus is gedeactiveerd. Zijn campuscode werkt niet meer.');
		await expect(page.getByText('Gedeactiveerd', { exact: true })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Campuscode' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Gegevens wijzigen' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Leerkrachten' })).toContainText(teacher.email);
		await checkA11y();

		const list = new CampusListPage(page);
		await list.goto();
		await list.find(suffix);
		await expect(page.getByText('Geen campussen gevonden. Pas je zoekopdracht aan.')).toBeVisible();

		const schools = new SchoolsPage(page);
		await schools.goto();
		await schools.find(school.instellingsnummer);
		await expect(schools.row(school.name).getByRole('cell')).toHaveText([school.name, school.instellingsnummer, '0']);

		// The old code is refused now.
		const second = { ...teacher, email: uniqueEmail('rollegem.twee', suffix) };
		await form.goto();
		await form.register(second);
		await expect(form.code()).toHaveAccessibleDescription(/Deze campuscode kennen we niet/);
		await expect(form.heading()).toHaveText('Registreren als leerkracht');
	});

	test('searches campuses by school, campus or city, and filters them by level', async ({ page, checkA11y }) => {
		const list = new CampusListPage(page);
		await list.goto();
		await list.find('heule');
		await expect(list.row('Campus Heule')).toContainText('Basisschool De Regenboog');
		await expect(list.row('Campus Centrum')).toHaveCount(0);
		await expect(list.table().getByRole('row').filter({ hasNotText: /heule/i })).toHaveCount(1); // the header
		await checkA11y();

		await list.find('', 'Buitengewoon basisonderwijs');
		await expect(page).toHaveURL(/level=buitengewoon_basis/);
		await expect(list.row('Campus Bissegem')).toContainText('Buitengewoon basisonderwijs');
		await expect(list.row('Campus Centrum')).toHaveCount(0);

		await list.find('leiestad', 'Alle niveaus');
		await expect(list.row('Campus Stationsplein')).toBeVisible();
		await expect(list.row('Campus Marke')).toBeVisible();

		await list.find(`nergens-${unique()}`);
		await expect(page.getByText('0 resultaten')).toBeVisible();
		await expect(page.getByText('Geen campussen gevonden. Pas je zoekopdracht aan.')).toBeVisible();
	});

	test('searches schools by name or instellingsnummer', async ({ page, checkA11y }) => {
		const schools = new SchoolsPage(page);
		await schools.goto();
		await schools.find('900303');
		await expect(schools.row('Atheneum Leiestad')).toContainText('900303');
		await expect(schools.row('Sint-Maartenscollege')).toHaveCount(0);
		await checkA11y();

		await schools.find('regenboog');
		await expect(schools.row('Basisschool De Regenboog')).toContainText('900202');
		await expect(schools.row('Atheneum Leiestad')).toHaveCount(0);

		await schools.find(`nergens-${unique()}`);
		await expect(page.getByText('0 resultaten')).toBeVisible();
		await expect(page.getByText('Geen scholen gevonden. Pas je zoekopdracht aan.')).toBeVisible();
	});
});
