import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { campusId } from './support/db';
import { addDays, brusselsToday, classMail, freeEditionYear, upcomingEdition } from './support/enrolment-db';
import {
	ClassForm,
	EditionForm,
	TeacherHome,
	createPublishedEdition,
	enrolAsCoordinator,
	registerTeacherAt,
	summaryValue,
	uniqueClassName
} from './support/enrolment';
import { loginAs, waitForScripts } from './support/pages';
import { demo, unique } from './support/people';

/**
 * Coordinators run editions and change classes on a teacher's behalf (issue 3). Tests
 * that need a full campus or a draft create their own edition (a year no other edition
 * uses, grades of special education only) and archive or unpublish it at the end, so
 * the demo's upcoming edition keeps its places for the other tests.
 */
const bissegem = { search: 'Bissegem', label: 'School De Vlinder (buitengewoon onderwijs) – Campus Bissegem' };
const marke = { search: 'Marke', label: 'Atheneum Leiestad – Campus Marke' };
const vlinder = { email: 'teacher.vlinder@example.org' };

/** A line of the class's "Geschiedenis". */
const historyLine = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

/** An edition whose enrolment opened yesterday and stays open for a month. */
function openEdition(grades: string[], maxPerCampus?: number) {
	const today = brusselsToday();
	return {
		year: freeEditionYear(),
		name: `Testeditie ${unique()}`,
		opens: addDays(today, -1),
		closes: addDays(today, 30),
		workshopStarts: today,
		workshopEnds: addDays(today, 60),
		grades,
		maxPerCampus
	};
}

test.describe('coordinator and classes', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('moves a class to the waiting list, giving its place to the next class, and back when a place frees up', async ({ page, checkA11y }) => {
		// One place per campus: the second class of Campus Bissegem waits.
		const edition = openEdition(['BB'], 1);
		const editionId = await createPublishedEdition(page, edition);
		const first = uniqueClassName('Klas A');
		const second = uniqueClassName('Klas B');
		const firstId = await enrolAsCoordinator(page, editionId, bissegem, { name: first, grade: 'BB', pupils: 9 });
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		// Nobody waits yet: moving the class would change nothing, and the page says so.
		await page.getByRole('button', { name: 'Naar de wachtlijst' }).click();
		await expect(page.getByRole('alert')).toContainText('Geen andere klas wacht op deze plaats');
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		const secondId = await enrolAsCoordinator(page, editionId, bissegem, { name: second, grade: 'BB', pupils: 7 });
		await expect(summaryValue(page, 'Status')).toHaveText('Wachtlijst, plaats 1');
		// First in line already: there is no priority to give.
		await expect(page.getByRole('button', { name: 'Voorrang geven op de wachtlijst' })).toHaveCount(0);

		await page.goto(`/coordinator/classes/${firstId}`);
		await page.getByRole('button', { name: 'Naar de wachtlijst' }).click();
		await expect(page.getByRole('status').filter({ hasText: `Klas ${first} staat nu op de wachtlijst.` })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'Vrijgekomen plaatsen gingen naar' })).toContainText(second);
		await expect(summaryValue(page, 'Status')).toHaveText('Wachtlijst, plaats 1');
		await expect(historyLine(page, `naar de wachtlijst verplaatst door ${demo.coordinator.name}`)).toBeVisible();
		await checkA11y();

		// Moving the other class to the waiting list frees the place for the first in line: this class.
		await page.goto(`/coordinator/classes/${secondId}`);
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		await page.getByRole('button', { name: 'Naar de wachtlijst' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Vrijgekomen plaatsen gingen naar' })).toContainText(first);
		await page.goto(`/coordinator/classes/${firstId}`);
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		await expect(historyLine(page, `van de wachtlijst ingeschreven door ${demo.coordinator.name}`)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Naar de wachtlijst' })).toBeVisible();
		const promoted = await classMail(firstId, 'class_promoted');
		expect(promoted.recipient).toBe(demo.coordinator.email);

		// Archived, the test edition disappears for teachers.
		await page.goto(`/coordinator/editions/${editionId}`);
		await page.locator('summary', { hasText: 'Archiveren' }).click();
		await page.getByRole('checkbox', { name: `Ja, archiveer ${edition.name}` }).check();
		await page.getByRole('button', { name: 'Archiveren' }).click();
		await expect(page.getByRole('status')).toContainText('De editie is gearchiveerd.');
	});

	test('corrects the pupil count of a class and sees it in the history', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('L3');
		await enrolAsCoordinator(page, edition.id, marke, { name, grade: 'L3', pupils: 20 });
		await expect(summaryValue(page, 'Leerlingen')).toHaveText('20');
		await expect(historyLine(page, `ingeschreven door ${demo.coordinator.name}`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Gegevens corrigeren' })).toBeVisible();
		await checkA11y();

		// The school has two campuses: the class can be moved to the other one.
		const form = new ClassForm(page);
		await expect(form.campus()).toHaveValue(String(campusId('Campus Marke')));
		await expect(form.campus()).toContainText('Atheneum Leiestad – Campus Stationsplein');
		await expect(form.pupils()).toHaveValue('20');

		await form.pupils().fill('0');
		await form.submit('Wijzigingen opslaan');
		await expect(form.pupils()).toHaveAccessibleDescription(/Vul een aantal leerlingen in van 1 tot 40\./);
		await expect(form.name()).toHaveValue(name);
		await expect(summaryValue(page, 'Leerlingen')).toHaveText('20');

		await form.pupils().fill('18');
		await form.submit('Wijzigingen opslaan');
		await expect(page.getByRole('status')).toContainText('De wijzigingen zijn opgeslagen.');
		await expect(summaryValue(page, 'Leerlingen')).toHaveText('18');
		await expect(historyLine(page, `gegevens gewijzigd door ${demo.coordinator.name}`)).toBeVisible();
		await checkA11y();
	});

	test('enrols a class on a teacher’s behalf, and the teacher sees it', async ({ page, openBrowser, checkA11y }) => {
		const teacherPage = await openBrowser();
		const teacher = await registerTeacherAt(teacherPage, 'Campus Marke', 'namens');
		await expect(teacherPage.getByText('Je schreef nog geen klassen in.')).toBeVisible();

		const edition = upcomingEdition();
		// Campus Marke, not Hoog Kortrijk: the materials spec needs a campus that never takes part.
		const name = uniqueClassName('3B');
		await page.goto('/coordinator/editions');
		await page.getByRole('link', { name: edition.name, exact: true }).click();
		await page.getByRole('link', { name: 'Een klas inschrijven namens een leerkracht' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Klas inschrijven: ${edition.name}` })).toBeVisible();
		await checkA11y();

		const search = page.getByRole('search');
		await search.getByLabel('Zoek een campus op school, campus of gemeente').fill('Marke');
		await search.getByRole('button', { name: 'Zoeken' }).click();
		await expect(page.getByRole('link', { name: /^Kies / })).toHaveCount(1);
		await page.getByRole('link', { name: 'Kies Atheneum Leiestad – Campus Marke' }).click();
		await expect(page.getByText('Atheneum Leiestad – Campus Marke', { exact: true })).toBeVisible();
		await waitForScripts(page);
		const form = new ClassForm(page);
		await expect(form.onBehalfOf()).toHaveAccessibleDescription(/De leerkracht krijgt de bevestiging/);
		await checkA11y();

		await form.onBehalfOf().selectOption({ label: `${teacher.name} (${teacher.email})` });
		await form.fill({ name, grade: 'L3', pupils: 24 });
		await form.submit();
		await expect(page.getByRole('heading', { level: 1, name: `Klas ${name}` })).toBeVisible();
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		await expect(summaryValue(page, 'Ingeschreven door')).toContainText(teacher.name);
		const classId = Number(/\/coordinator\/classes\/(\d+)/.exec(page.url())![1]);
		const mail = await classMail(classId, 'class_enrolled');
		expect(mail.recipient).toBe(teacher.email);

		// The teacher finds the class on their start page and may change it.
		const home = new TeacherHome(teacherPage);
		await home.goto();
		await expect(home.row(home.myClasses(), name, edition.name)).toContainText('Ingeschreven');
		await home.openClass(home.myClasses(), name, edition.name);
		await expect(teacherPage.getByRole('button', { name: 'Wijzigingen opslaan' })).toBeVisible();
	});
});

test.describe('coordinator and editions', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('a new edition from the current one copies its settings as a draft, without its classes', async ({ page, checkA11y }) => {
		const current = upcomingEdition();
		const next = `PAARS ${Number(current.name.slice(-4)) + 1}`;
		await page.goto('/coordinator/editions');
		await expect(page.getByRole('heading', { level: 1, name: 'Edities' })).toBeVisible();
		await checkA11y();

		await page.getByRole('button', { name: `Nieuwe editie op basis van ${current.name}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: next })).toBeVisible();
		await expect(page.getByRole('status')).toContainText(`De editie ${next} is aangemaakt op basis van de vorige, als ontwerp.`);
		await expect(page.getByText('Status: Ontwerp.')).toBeVisible();
		await expect(page.locator('[data-task="enrolments"]')).toContainText('Ingeschreven: 0 · Wachtlijst: 0');
		await checkA11y();
		// The copied settings, on the edition's edit page.
		await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
		const form = new EditionForm(page);
		await expect(form.year()).toHaveValue(next.slice(-4));
		await expect(form.maxClasses()).toHaveValue('40');
		await expect(form.maxPerCampus()).toHaveValue('8');
		await expect(form.grade('S1')).toBeChecked();
		await expect(form.grade('K1')).not.toBeChecked();
		await checkA11y();

		await page.getByRole('link', { name: `Terug naar ${next}` }).click();
		await page.getByRole('link', { name: 'Alle edities' }).click();
		const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: next, exact: true }) });
		await expect(row).toContainText('Ontwerp');
		await expect(row).toContainText('Nog niet zichtbaar voor scholen');
	});

	test('publishing a draft edition shows it to the schools it is meant for', async ({ page, openBrowser, checkA11y }) => {
		const edition = openEdition(['BS']);
		const form = new EditionForm(page);
		await form.gotoNew();
		await checkA11y();
		await form.fill(edition);
		await form.create();
		await expect(page.getByRole('heading', { level: 1, name: edition.name })).toBeVisible();
		await expect(page.getByRole('status')).toContainText(`De editie ${edition.name} is aangemaakt als ontwerp.`);
		await expect(page.getByText('Status: Ontwerp.')).toBeVisible();
		await checkA11y();

		// A teacher of special secondary education does not see the draft.
		const teacher = await openBrowser();
		await loginAs(teacher, vlinder.email);
		const home = new TeacherHome(teacher);
		await expect(home.campaigns()).toBeVisible();
		await expect(teacher.getByRole('heading', { level: 3, name: edition.name })).toHaveCount(0);

		await page.getByRole('button', { name: 'Publiceren' }).click();
		await expect(page.getByRole('status')).toContainText('De editie is gepubliceerd. Scholen zien ze nu.');
		await expect(page.getByText('Status: Gepubliceerd.')).toBeVisible();
		await teacher.reload();
		await expect(teacher.getByRole('article').filter({ has: teacher.getByRole('heading', { level: 3, name: edition.name }) })).toContainText(
			'Inschrijven kan tot'
		);

		// Without classes it can go back to draft, and the teacher no longer sees it.
		await page.getByRole('button', { name: 'Terug naar ontwerp' }).click();
		await expect(page.getByRole('status')).toContainText('De editie is terug een ontwerp');
		await teacher.reload();
		await expect(teacher.getByRole('heading', { level: 3, name: edition.name })).toHaveCount(0);
	});

	test('an enrolment window that ends before it starts is refused, and the form keeps its values', async ({ page, checkA11y }) => {
		const today = brusselsToday();
		const edition = { ...openEdition(['S1', 'S2']), opens: addDays(today, 10), closes: addDays(today, 5) };
		const form = new EditionForm(page);
		await form.gotoNew();
		await form.fill(edition);
		await form.create();

		await expect(page.getByRole('alert')).toContainText('Controleer de gemarkeerde velden.');
		await expect(form.closes()).toHaveAccessibleDescription(/De inschrijvingsperiode moet eindigen na het begin\./);
		await expect(form.closes()).toHaveAttribute('aria-invalid', 'true');
		await expect(form.name()).toHaveValue(edition.name);
		await expect(form.year()).toHaveValue(String(edition.year));
		await expect(form.opens()).toHaveValue(edition.opens);
		await expect(form.closes()).toHaveValue(edition.closes);
		await expect(form.grade('S2')).toBeChecked();
		await expect(form.grade('S3')).not.toBeChecked();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe editie' })).toBeVisible();
		await checkA11y();

		await page.goto('/coordinator/editions');
		await expect(page.getByRole('link', { name: edition.name })).toHaveCount(0);
	});
});
