import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { addDays, classCountNamed, classMail, someClassIdAt, upcomingEdition } from './support/enrolment-db';
import {
	ClassForm,
	TeacherHome,
	classIdOf,
	enrolAsTeacher,
	openEnrolForm,
	summaryValue,
	uniqueClassName,
	waitingPosition,
	type ClassRow
} from './support/enrolment';
import { LoginPage, loginAs, registerConfirmedTeacher } from './support/pages';
import { demo } from './support/people';
import { fullSchoolDayFrom } from './support/workshop-days';

/**
 * Teachers enrol their classes (issue 3). Every test creates the classes it changes,
 * under a name no other test uses, so the tests share the demo database in any order.
 * Lies Vanhoutte's Campus Centrum starts with 3 of its 8 places taken.
 */
const regenboog = { email: 'teacher.regenboog@example.org', name: 'Fien Goethals' };
const centrum = 'Sint-Maartenscollege – Campus Centrum';

/** The cells of a row in "Mijn ingeschreven klassen": class (and campus), edition, grade, pupils, status, then the workshop. */
const cells = (row: Locator) => row.getByRole('cell');
async function expectRow(row: Locator, name: string, edition: string, grade: string, pupils: number, status: string) {
	const expected = [new RegExp(`^${name}`), edition, grade, String(pupils), status];
	for (const [i, text] of expected.entries()) await expect(cells(row).nth(i)).toHaveText(text);
}

/** How far the page itself scrolls sideways (wide tables scroll inside their own box). */
/** "Klas uitschrijven" opens its confirmation; ticked, its own button withdraws the class. */
async function withdrawThroughConfirmation(page: Page, name: string) {
	await page.locator('summary', { hasText: 'Klas uitschrijven' }).click();
	await page.getByRole('checkbox', { name: `Ja, schrijf klas ${name} uit` }).check();
	await page.getByRole('button', { name: 'Klas uitschrijven' }).click();
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('a teacher enrols classes', () => {
	test('enrols a class, sees it in the list and gets a confirmation mail', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('5B');
		// An afternoon the school hours allow: not a Wednesday, weekend or blocked day.
		const preferred = fullSchoolDayFrom(edition.id, addDays(edition.workshopStartsOn, 7));
		await loginAs(page, demo.teacher.email);
		const home = new TeacherHome(page);
		await home.goto();
		await expect(page.getByRole('article').filter({ hasText: edition.name })).toContainText('Inschrijven kan tot');
		await checkA11y();

		const form = await openEnrolForm(page, edition.name);
		// One campus: nothing to choose.
		await expect(form.campus()).toHaveCount(0);
		await expect(form.pupils()).toHaveAccessibleDescription(/we bewaren nooit namen van leerlingen/);
		await checkA11y();
		await form.fill({
			name,
			grade: 'S5',
			pupils: 21,
			language: 'Engels',
			preferences: [{ date: preferred, part: 'namiddag' }],
			remarks: 'Graag na de middagpauze.'
		});
		await form.submit();

		await expect(page).toHaveURL(/\/teacher\?/);
		await expect(home.notice()).toContainText(`Klas ${name} is ingeschreven voor ${edition.name}. Je krijgt een bevestiging per mail.`);
		const row = home.row(home.myClasses(), name, edition.name);
		await expectRow(row, name, edition.name, 'S5', 21, 'Ingeschreven');
		await expect(cells(row).first()).toContainText(centrum);
		await checkA11y();

		await home.openClass(home.myClasses(), name, edition.name);
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		await expect(summaryValue(page, 'Onderwijstaal')).toHaveText('Engels');
		await expect(summaryValue(page, 'Voorkeur voor de workshop')).toContainText('(namiddag)');
		await expect(summaryValue(page, 'Opmerkingen')).toHaveText('Graag na de middagpauze.');
		await expect(summaryValue(page, 'Ingeschreven door')).toContainText(demo.teacher.name);
		await checkA11y();

		const mail = await classMail(classIdOf(page), 'class_enrolled');
		expect(mail.recipient).toBe(demo.teacher.email);
		expect(mail.subject).toBe(`Ingeschreven: ${name} voor ${edition.name}`);
	});

	test('edits the pupil count of a class and sees the change', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('4C');
		await loginAs(page, demo.teacher.email);
		await enrolAsTeacher(page, edition.name, { name, grade: 'S4', pupils: 20 });
		const home = new TeacherHome(page);
		await home.openClass(home.myClasses(), name, edition.name);
		await checkA11y();

		const form = new ClassForm(page);
		await expect(form.pupils()).toHaveValue('20');
		await expect(form.grade()).toHaveValue('S4');

		// A count above 40 is refused on the field; the other values stay.
		await form.pupils().fill('41');
		await form.submit('Wijzigingen opslaan');
		await expect(form.pupils()).toHaveAccessibleDescription(/Vul een aantal leerlingen in van 1 tot 40\./);
		await expect(form.pupils()).toHaveValue('41');
		await expect(form.name()).toHaveValue(name);
		await expect(summaryValue(page, 'Leerlingen')).toHaveText('20');

		await form.pupils().fill('23');
		await form.submit('Wijzigingen opslaan');
		await expect(page.getByRole('status')).toContainText('De wijzigingen zijn opgeslagen.');
		await expect(summaryValue(page, 'Leerlingen')).toHaveText('23');
		await expect(form.pupils()).toHaveValue('23');
		await checkA11y();

		await page.getByRole('link', { name: 'Terug naar mijn campus' }).click();
		await expectRow(home.row(home.myClasses(), name, edition.name), name, edition.name, 'S4', 23, 'Ingeschreven');
	});

	test('withdraws a class and sees it as withdrawn', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('2C');
		await loginAs(page, demo.teacher.email);
		await enrolAsTeacher(page, edition.name, { name, grade: 'S2', pupils: 18 });
		const home = new TeacherHome(page);
		await home.openClass(home.myClasses(), name, edition.name);
		await expect(page.getByText('Uitschrijven kan niet ongedaan worden gemaakt')).toBeVisible();

		await withdrawThroughConfirmation(page, name);
		await expect(page).toHaveURL(/\/teacher\?/);
		await expect(home.notice()).toContainText(`Klas ${name} is uitgeschreven.`);
		await expectRow(home.row(home.myClasses(), name, edition.name), name, edition.name, 'S2', 18, 'Uitgeschreven');
		await checkA11y();

		// A withdrawn class can no longer be changed or withdrawn again.
		await home.openClass(home.myClasses(), name, edition.name);
		await expect(summaryValue(page, 'Status')).toHaveText('Uitgeschreven');
		await expect(page.getByRole('button', { name: 'Wijzigingen opslaan' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Klas uitschrijven' })).toHaveCount(0);
		await checkA11y();
	});

	test('bad input is explained at each field and the form keeps what was typed', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('Fout');
		await loginAs(page, demo.teacher.email);
		const home = new TeacherHome(page);
		await home.goto();
		// A class of this campus that is enrolled now: its name is taken.
		const taken = (await home.rows(home.myClasses())).find((r) => r.edition === edition.name && r.status === 'Ingeschreven');
		expect(taken, 'the demo teacher has an enrolled class').toBeDefined();

		const form = await openEnrolForm(page, edition.name);
		await form.fill({ name: '', grade: 'S2', pupils: '0', remarks: 'Derde lesuur' });
		await form.submit();
		await expect(page.getByRole('alert')).toContainText('Controleer de gemarkeerde velden.');
		await expect(form.name()).toHaveAccessibleDescription(/Vul dit veld in\./);
		await expect(form.name()).toHaveAttribute('aria-invalid', 'true');
		await expect(form.pupils()).toHaveAccessibleDescription(/Vul een aantal leerlingen in van 1 tot 40\./);
		await expect(form.pupils()).toHaveAttribute('aria-invalid', 'true');
		await expect(form.grade()).toHaveValue('S2');
		await expect(form.pupils()).toHaveValue('0');
		await expect(form.remarks()).toHaveValue('Derde lesuur');
		await checkA11y();

		for (const pupils of ['41', 'abc']) {
			await form.name().fill(name);
			await form.pupils().fill(pupils);
			await form.submit();
			await expect(form.pupils()).toHaveAccessibleDescription(/Vul een aantal leerlingen in van 1 tot 40\./);
			await expect(form.pupils()).toHaveValue(pupils);
			await expect(form.name()).toHaveValue(name);
			await expect(form.name()).not.toHaveAttribute('aria-invalid', 'true');
		}

		// Names compare without case or surrounding spaces.
		const sameName = ` ${taken!.name.toLowerCase()} `;
		await form.name().fill(sameName);
		await form.pupils().fill('22');
		await form.submit();
		await expect(form.name()).toHaveAccessibleDescription(/Er is al een klas met deze naam ingeschreven op deze campus voor deze editie\./);
		await expect(form.name()).toHaveValue(sameName);
		await expect(form.pupils()).toHaveValue('22');

		const dayBefore = addDays(edition.workshopStartsOn, -1);
		await form.name().fill(name);
		await form.date(1).fill(dayBefore);
		await form.part(1).selectOption({ label: 'voormiddag' });
		await form.submit();
		await expect(form.date(1)).toHaveAccessibleDescription(/Kies een dag binnen de workshopperiode/);
		await expect(form.date(1)).toHaveValue(dayBefore);
		await expect(form.part(1)).toHaveValue('am');
		await expect(form.name()).toHaveValue(name);
		await expect(form.grade()).toHaveValue('S2');

		// Nothing was enrolled along the way.
		await expect(page).toHaveURL(/\/teacher\/editions\/\d+\/enrol$/);
		expect(classCountNamed(name)).toBe(0);
		await home.goto();
		await expect(home.row(home.myClasses(), name, edition.name)).toHaveCount(0);
	});

	test('a teacher of two campuses chooses the campus of the class', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('L4');
		const heule = 'Basisschool De Regenboog – Campus Heule';
		await loginAs(page, regenboog.email);
		const home = new TeacherHome(page);
		await home.goto();
		const form = await openEnrolForm(page, edition.name);
		await expect(form.campus()).toHaveAccessibleDescription(/Je bent aan meerdere campussen gekoppeld/);
		await expect(form.campus()).toContainText('Basisschool De Regenboog – Campus Overleie');
		await expect(form.campus()).toContainText(heule);
		await checkA11y();

		await form.fill({ campus: heule, name, grade: 'L4', pupils: 19 });
		await form.submit();
		await expect(home.notice()).toContainText(`Klas ${name} is ingeschreven voor ${edition.name}.`);
		const row = home.row(home.myClasses(), name, edition.name);
		await expectRow(row, name, edition.name, 'L4', 19, 'Ingeschreven');
		await expect(cells(row).first()).toContainText(heule);

		await home.openClass(home.myClasses(), name, edition.name);
		await expect(summaryValue(page, 'Campus')).toHaveText(heule);
	});

	test('colleagues of the campus see a class read-only', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const colleague = await registerConfirmedTeacher(page, 'collega');
		await new LoginPage(page).login(colleague.email, colleague.password);
		const home = new TeacherHome(page);
		await expect(home.campaigns()).toBeVisible();
		await expect(page.getByText('Je schreef nog geen klassen in.')).toBeVisible();

		const classOfLies = (await home.rows(home.colleagueClasses())).find(
			(r) => r.edition === edition.name && r.owner === demo.teacher.name && r.status !== 'Uitgeschreven'
		);
		expect(classOfLies, `a class of ${demo.teacher.name} at Campus Centrum`).toBeDefined();
		await home.openClass(home.colleagueClasses(), classOfLies!.name, edition.name);
		await expect(
			page.getByText(`Deze klas werd ingeschreven door ${demo.teacher.name}. Alleen die leerkracht of de coördinator kan ze wijzigen.`)
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Wijzigingen opslaan' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Klas uitschrijven' })).toHaveCount(0);
		await checkA11y();
	});

	test('a class of another campus is not found, also when its id is guessed', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.teacher.email);
		const home = new TeacherHome(page);
		await home.goto();
		await expect(page.getByText('Campus Stationsplein')).toHaveCount(0);

		const response = await page.goto(`/teacher/classes/${someClassIdAt('Campus Stationsplein', edition.id)}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
		await expect(page.getByText('Campus Stationsplein')).toHaveCount(0);
		await checkA11y();
	});

	test('a class on the waiting list gets the place that a withdrawn class frees', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.teacherTrainer.email);
		const home = new TeacherHome(page);
		await home.goto();

		// Campus Stationsplein is at its maximum of 8 classes, with classes waiting. Positions
		// count across the edition, so they are read from the page rather than assumed.
		const ofEdition = (rows: ClassRow[], table: Locator) => rows.filter((r) => r.edition === edition.name).map((r) => ({ ...r, table }));
		const mine = ofEdition(await home.rows(home.myClasses()), home.myClasses());
		const all = [...mine, ...ofEdition(await home.rows(home.colleagueClasses()), home.colleagueClasses())];
		const waiting = all.filter((r) => waitingPosition(r.status) !== null).sort((a, b) => waitingPosition(a.status)! - waitingPosition(b.status)!);
		expect(waiting.length, 'classes of Campus Stationsplein on the waiting list').toBeGreaterThan(0);
		const firstInLine = waiting[0];
		const leaving = mine.find((r) => r.name === '5A' && r.status === 'Ingeschreven') ?? mine.find((r) => r.status === 'Ingeschreven');
		expect(leaving, 'an enrolled class of Jelle Desmet').toBeDefined();

		// A new class of the full campus goes to the end of the waiting list, told that its
		// campus (not the whole edition) reached its maximum.
		const name = uniqueClassName('6C');
		const form = await openEnrolForm(page, edition.name);
		await form.fill({ name, grade: 'S6', pupils: 18 });
		await form.submit();
		await expect(home.notice()).toContainText(
			`Je campus heeft haar eigen maximum aantal klassen voor ${edition.name} bereikt: klas ${name} staat op de wachtlijst, op plaats`
		);
		await expect(home.notice()).not.toContainText('is volzet');
		const position = Number(/op plaats (\d+)\./.exec(await home.notice().innerText())![1]);
		expect(position).toBeGreaterThan(waitingPosition(waiting.at(-1)!.status)!);
		const newRow = home.row(home.myClasses(), name, edition.name);
		await expectRow(newRow, name, edition.name, 'S6', 18, `Wachtlijst, plaats ${position} · campus volzet`);
		await checkA11y();
		const newId = (await home.rows(home.myClasses())).find((r) => r.name === name)!.id;
		const waitingMail = await classMail(newId, 'class_waiting');
		expect(waitingMail.recipient).toBe(demo.teacherTrainer.email);
		expect(waitingMail.subject).toBe(`Wachtlijst: ${name} voor ${edition.name}`);
		expect(waitingMail.params.position).toBe(position);

		// Withdrawing an enrolled class gives its place to the first class in line.
		await home.openClass(home.myClasses(), leaving!.name, edition.name);
		await withdrawThroughConfirmation(page, leaving!.name);
		await expect(home.notice()).toContainText(`Klas ${leaving!.name} is uitgeschreven.`);
		await expect(cells(home.row(home.myClasses(), leaving!.name, edition.name)).nth(4)).toHaveText('Uitgeschreven');
		await expect(cells(home.row(firstInLine.table, firstInLine.name, edition.name)).nth(4)).toHaveText('Ingeschreven');
		await expectRow(newRow, name, edition.name, 'S6', 18, `Wachtlijst, plaats ${position - 1} · campus volzet`);
		await checkA11y();

		const promoted = await classMail(firstInLine.id, 'class_promoted');
		expect(promoted.subject).toBe(`Er is plaats: ${firstInLine.name} is ingeschreven voor ${edition.name}`);
		if (!firstInLine.owner) expect(promoted.recipient).toBe(demo.teacherTrainer.email);
	});
});

test.describe('the enrol form on a phone-sized screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('fits the screen, also with error messages', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.teacher.email);
		await new TeacherHome(page).goto();
		const form = await openEnrolForm(page, edition.name);
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await checkA11y();

		await form.fill({ name: '', grade: 'S3', pupils: 'abc', preferences: [{ date: addDays(edition.workshopEndsOn, 1), part: 'namiddag' }] });
		await form.submit();
		await expect(form.pupils()).toHaveAccessibleDescription(/Vul een aantal leerlingen in van 1 tot 40\./);
		await expect(form.name()).toHaveAccessibleDescription(/Vul dit veld in\./);
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		const box = await form.pupils().boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
		await checkA11y();
	});
});
