import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { addDays, brusselsToday, freeEditionYear } from './support/enrolment-db';
import { TeacherHome, createPublishedEdition } from './support/enrolment';
import { loginAs, logout, waitForScripts } from './support/pages';
import { demo, unique } from './support/people';
import { atBothWidths } from './support/widths';

/**
 * Several classes at once (issue 18.3). A fresh edition with two places per
 * campus, open for enrolment during this spec only (it is archived at the end, so
 * the other specs keep meeting one open edition). The demo teacher enrols three
 * classes of Campus Centrum in one form: a wrong row is refused at its own
 * fields, rows are added and removed, and the answer lists what became of each:
 * two enrolled, the third on the waiting list. Then a browser without JavaScript
 * chooses its number of rows and enrols one more.
 */
const row = (page: Page, n: number) => page.getByRole('group', { name: `Klas ${n}`, exact: true });

async function fillRow(page: Page, n: number, name: string, grade: string, pupils: string) {
	await row(page, n).getByLabel('Naam van de klas').fill(name);
	await row(page, n).getByLabel('Leerjaar').selectOption({ value: grade });
	await row(page, n).getByLabel('Aantal leerlingen').fill(pupils);
}

test('a teacher enrols three classes of a campus in one form and reads what became of each', async ({ page, checkA11y }, testInfo) => {
	// Two browsers, four pages at two widths each, and the edition made and archived through the app.
	test.setTimeout(180_000);
	const today = brusselsToday();
	const edition = { name: `Meerdere klassen ${unique()}`, id: 0 };
	await loginAs(page, demo.coordinator.email);
	edition.id = await createPublishedEdition(page, {
		year: freeEditionYear(),
		name: edition.name,
		opens: today,
		closes: addDays(today, 20),
		workshopStarts: addDays(today, 21),
		workshopEnds: addDays(today, 60),
		grades: ['S1', 'S2'],
		maxPerCampus: 2
	});
	try {
		await logout(page);
		await loginAs(page, demo.teacher.email);
		await new TeacherHome(page).goto();
		const card = page.locator('.cards > *').filter({ hasText: edition.name });
		await card.getByRole('link', { name: 'Meerdere klassen tegelijk' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Meerdere klassen inschrijven: ${edition.name}` })).toBeVisible();
		await waitForScripts(page);
		await expect(page.getByRole('group', { name: /^Klas \d+$/ })).toHaveCount(3);
		await atBothWidths(page, 'several-empty', checkA11y);

		// Row 2's pupils are words and row 3 repeats row 1's name: refused at their own fields, nothing enrolled.
		await fillRow(page, 1, '3A', 'S1', '22');
		await fillRow(page, 2, '3B', 'S1', 'twintig');
		await fillRow(page, 3, ' 3a ', 'S2', '18');
		await page.getByRole('button', { name: 'Schrijf de klassen in' }).click();
		const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link')).toHaveText([
			'Klas 2 – Vul een aantal leerlingen in van 1 tot 40.',
			'Klas 3 – Naam van de klas: Deze naam staat al in klas 1 van dit formulier.'
		]);
		await expect(row(page, 2).getByLabel('Aantal leerlingen')).toHaveAccessibleDescription(/Vul een aantal leerlingen in/);
		await expect(row(page, 3).getByLabel('Naam van de klas')).toHaveAttribute('aria-invalid', 'true');
		await expect(row(page, 1).getByLabel('Naam van de klas')).toHaveValue('3A');
		await atBothWidths(page, 'several-refused', checkA11y);

		// Fix row 2, remove row 3 (the focus moves to the row before it), add a row and fill it.
		await row(page, 2).getByLabel('Aantal leerlingen').fill('20');
		await row(page, 3).getByRole('button', { name: 'Verwijder klas 3' }).click();
		await expect(page.getByRole('group', { name: /^Klas \d+$/ })).toHaveCount(2);
		await expect(row(page, 2).getByLabel('Naam van de klas')).toBeFocused();
		await page.getByRole('button', { name: 'Nog een klas' }).click();
		await expect(row(page, 3).getByLabel('Naam van de klas')).toBeFocused();
		await fillRow(page, 3, '3C', 'S2', '19');
		await page.getByRole('button', { name: 'Schrijf de klassen in' }).click();

		// Two places at the campus: 3A and 3B are in, 3C waits; the notice says so per class.
		await expect(page).toHaveURL(/\/teacher\?notice=several/);
		const notice = page.getByRole('status').filter({ hasText: `Je klassen voor ${edition.name}:` });
		await expect(notice.getByRole('listitem')).toHaveText([
			'3A: ingeschreven',
			'3B: ingeschreven',
			'3C: op de wachtlijst, plaats 1 (je campus heeft geen plaats meer)'
		]);
		const home = new TeacherHome(page);
		const mine = (await home.rows(home.myClasses())).filter((c) => c.edition === edition.name);
		expect(mine.map((c) => [c.name, c.pupils])).toEqual(
			expect.arrayContaining([
				['3A', '22'],
				['3B', '20'],
				['3C', '19']
			])
		);
		await atBothWidths(page, 'several-done', checkA11y);

		// Without JavaScript: the number of rows is chosen in the form, and what was typed stays.
		const plain = await page.context().browser()!.newContext({ javaScriptEnabled: false, baseURL: testInfo.project.use.baseURL });
		try {
			const noScript = await plain.newPage();
			await loginAs(noScript, demo.teacher.email);
			await noScript.goto(`/teacher/editions/${edition.id}/enrol/several`);
			await expect(noScript.getByRole('button', { name: 'Nog een klas' })).toHaveCount(0);
			await fillRow(noScript, 1, '3D', 'S1', '21');
			await noScript.getByLabel('Aantal rijen').fill('5');
			await noScript.getByRole('button', { name: 'Aantal rijen aanpassen' }).click();
			await expect(noScript.getByRole('group', { name: /^Klas \d+$/ })).toHaveCount(5);
			await expect(row(noScript, 1).getByLabel('Naam van de klas')).toHaveValue('3D');
			await fillRow(noScript, 5, '3E', 'S2', '17');
			// (axe runs scripts in the page, which this browser does not: the same form was checked above.)
			await noScript.screenshot({ path: testInfo.outputPath('several-no-script-1280.png'), fullPage: true });
			// Enter in a field sends the form, not the row count.
			await row(noScript, 5).getByLabel('Aantal leerlingen').press('Enter');
			await expect(noScript).toHaveURL(/\/teacher\?notice=several/);
			await expect(noScript.getByRole('status').getByRole('listitem')).toHaveText([
				'3D: op de wachtlijst, plaats 2 (je campus heeft geen plaats meer)',
				'3E: op de wachtlijst, plaats 3 (je campus heeft geen plaats meer)'
			]);
		} finally {
			await plain.close();
		}
	} finally {
		// Archived again, so the other specs meet one open edition.
		await page.context().clearCookies();
		await loginAs(page, demo.coordinator.email);
		await page.goto(`/coordinator/editions/${edition.id}`);
		await waitForScripts(page);
		await page.locator('summary', { hasText: 'Archiveren' }).click();
		await page.getByRole('checkbox', { name: `Ja, archiveer ${edition.name}` }).check();
		await page.getByRole('button', { name: 'Archiveren' }).click();
		await expect(page.getByRole('status')).toContainText('De editie is gearchiveerd.');
	}
});
