import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { addDays, brusselsToday, freeEditionYear, upcomingEdition } from './support/enrolment-db';
import { TeacherHome, createPublishedEdition, enrolAsTeacher, summaryValue, uniqueClassName } from './support/enrolment';
import { loginAs, waitForScripts } from './support/pages';
import { demo, unique } from './support/people';

/**
 * Actions that cannot be undone (issue 16, point 6): a red button opens a
 * confirmation that names the thing and what will follow; only the ticked
 * confirmation does it, and the server refuses a post without the tick.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The same action posted straight to the server, without the tick (as a script or an old page would), from the page's own origin and session. */
async function postWithoutTick(page: Page, action: string) {
	return page.evaluate(async (name) => {
		// As the page's enhanced forms post: the answer is the action's result as JSON.
		const response = await fetch(`${location.pathname}?/${name}`, {
			method: 'POST',
			body: new FormData(),
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const result = (await response.json()) as { type: string; status: number; data: string };
		return { type: result.type, status: result.status, text: result.data };
	}, action);
}

test('withdrawing a class asks first, says what follows, and is refused without the tick', async ({ page, checkA11y }) => {
	const edition = upcomingEdition();
	const name = uniqueClassName('5A');
	await loginAs(page, demo.teacher.email);
	await enrolAsTeacher(page, edition.name, { name, grade: 'S2', pupils: 19 });
	const home = new TeacherHome(page);
	await home.openClass(home.myClasses(), name, edition.name);
	await waitForScripts(page);

	// The first click only opens the confirmation, which takes the focus and names the class, the edition and the consequences.
	const opener = page.locator('summary', { hasText: 'Klas uitschrijven' });
	await opener.click();
	const confirmation = page.getByRole('group', { name: new RegExp(`^Klas ${escape(name)} wordt uitgeschreven uit ${escape(edition.name)}\\.`) });
	await expect(confirmation).toBeFocused();
	await expect(confirmation).toContainText('dan krijgen de trainers en jij daarvan bericht');
	await expect(confirmation).toContainText('gaat de vrije plaats naar de eerste klas op de wachtlijst');
	await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
	await checkA11y();

	// Escape closes it and puts the focus back on the button.
	await page.keyboard.press('Escape');
	await expect(confirmation).toBeHidden();
	await expect(opener).toBeFocused();

	// Without the tick the server refuses, on the page and for a post that skips the page.
	await opener.click();
	const tick = confirmation.getByRole('checkbox', { name: `Ja, schrijf klas ${name} uit` });
	await confirmation.getByRole('button', { name: 'Klas uitschrijven' }).click();
	await expect(tick).toHaveAccessibleDescription('Vink aan dat je de klas wilt uitschrijven. De klas is niet uitgeschreven.');
	await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
	const refused = await postWithoutTick(page, 'withdraw');
	expect(refused).toMatchObject({ type: 'failure', status: 400 });
	expect(refused.text).toContain('De klas is niet uitgeschreven.');
	await page.reload();
	await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');

	// Ticked, it withdraws.
	await waitForScripts(page);
	await opener.click();
	await tick.check();
	await confirmation.getByRole('button', { name: 'Klas uitschrijven' }).click();
	await expect(home.notice()).toContainText(`Klas ${name} is uitgeschreven.`);
});

test('archiving an edition asks first, says what follows, and is refused without the tick', async ({ page, checkA11y }) => {
	await loginAs(page, demo.coordinator.email);
	const today = brusselsToday();
	const name = `Archieftest ${unique()}`;
	await createPublishedEdition(page, {
		year: freeEditionYear(),
		name,
		// Enrolment opens later, so no teacher in the other tests meets this edition.
		opens: addDays(today, 20),
		closes: addDays(today, 40),
		workshopStarts: addDays(today, 41),
		workshopEnds: addDays(today, 80),
		grades: ['S1']
	});
	await waitForScripts(page);

	const opener = page.locator('summary', { hasText: 'Archiveren' });
	await opener.click();
	const confirmation = page.getByRole('group', { name: new RegExp(`^${escape(name)} wordt gearchiveerd\\.`) });
	await expect(confirmation).toBeFocused();
	await expect(confirmation).toContainText('De editie verdwijnt bij de leerkrachten, inschrijven kan niet meer');
	await expect(confirmation).toContainText('een gearchiveerde editie kan niet opnieuw gepubliceerd worden');
	await expect(page.getByText('Status: Gepubliceerd.')).toBeVisible();
	await checkA11y();

	// "Annuleren" closes it and puts the focus back on the button.
	await confirmation.getByRole('button', { name: 'Annuleren' }).click();
	await expect(confirmation).toBeHidden();
	await expect(opener).toBeFocused();

	// Without the tick the server refuses, on the page and for a post that skips the page.
	await opener.click();
	const tick = confirmation.getByRole('checkbox', { name: `Ja, archiveer ${name}` });
	await confirmation.getByRole('button', { name: 'Archiveren' }).click();
	await expect(tick).toHaveAccessibleDescription('Vink aan dat je de editie wilt archiveren. De editie is niet gearchiveerd.');
	const refused = await postWithoutTick(page, 'archive');
	expect(refused).toMatchObject({ type: 'failure', status: 400 });
	expect(refused.text).toContain('De editie is niet gearchiveerd.');
	await page.reload();
	await expect(page.getByText('Status: Gepubliceerd.')).toBeVisible();

	// Ticked, it archives.
	await waitForScripts(page);
	await opener.click();
	await tick.check();
	await confirmation.getByRole('button', { name: 'Archiveren' }).click();
	await expect(page.getByRole('status')).toContainText('De editie is gearchiveerd.');
	await expect(page.locator('summary', { hasText: 'Archiveren' })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the confirmation opens, refuses without the tick and withdraws with it', async ({ page }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('5N');
		await loginAs(page, demo.teacher.email);
		await enrolAsTeacher(page, edition.name, { name, grade: 'S2', pupils: 17 });
		const home = new TeacherHome(page);
		await home.openClass(home.myClasses(), name, edition.name);

		await page.locator('summary', { hasText: 'Klas uitschrijven' }).click();
		const confirmation = page.getByRole('group', { name: new RegExp(`^Klas ${escape(name)} wordt uitgeschreven`) });
		await confirmation.getByRole('button', { name: 'Klas uitschrijven' }).click();
		await expect(confirmation.getByRole('checkbox', { name: `Ja, schrijf klas ${name} uit` })).toHaveAccessibleDescription(
			'Vink aan dat je de klas wilt uitschrijven. De klas is niet uitgeschreven.'
		);
		await expect(summaryValue(page, 'Status')).toHaveText('Ingeschreven');
		await confirmation.getByRole('checkbox', { name: `Ja, schrijf klas ${name} uit` }).check();
		await confirmation.getByRole('button', { name: 'Klas uitschrijven' }).click();
		await expect(home.notice()).toContainText(`Klas ${name} is uitgeschreven.`);
	});
});
