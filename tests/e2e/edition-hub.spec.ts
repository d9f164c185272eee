import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { addDays, brusselsToday, freeEditionYear } from './support/enrolment-db';
import { EditionForm, createPublishedEdition, enrolAsCoordinator, uniqueClassName } from './support/enrolment';
import { loginAs, waitForScripts } from './support/pages';
import { demo, unique } from './support/people';

/**
 * The coordinator's edition page is a hub (issue 16, point 3): the edition's
 * status, dates and headline counts, one task per area with its state in words,
 * the lifecycle apart, and the settings on their own edit page.
 */
const marke = { search: 'Marke', label: 'Atheneum Leiestad – Campus Marke' };

/** A fresh published edition whose enrolment opens later, so no teacher of the other specs meets it. Leaves the page on its hub. */
async function freshEdition(page: Page) {
	const today = brusselsToday();
	const name = `Hubtest ${unique()}`;
	const input = {
		year: freeEditionYear(),
		name,
		opens: addDays(today, 20),
		closes: addDays(today, 40),
		workshopStarts: addDays(today, 41),
		workshopEnds: addDays(today, 80),
		grades: ['L3']
	};
	return { ...input, id: await createPublishedEdition(page, input) };
}

const task = (page: Page, name: string) => page.getByRole('region', { name: 'Taken' }).getByRole('link', { name, exact: true });
const figure = (page: Page, label: string) => page.getByRole('list', { name: 'Kerncijfers' }).getByRole('listitem').filter({ hasText: label });
const longDate = (d: string) =>
	new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${d}T12:00:00Z`));
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.beforeEach(async ({ page }) => {
	await loginAs(page, demo.coordinator.email);
});

test('the hub shows the status and each area’s state, and counts a class once it is enrolled', async ({ page, checkA11y }) => {
	const edition = await freshEdition(page);
	await expect(page.getByRole('heading', { level: 1, name: edition.name })).toBeVisible();
	await expect(page.getByText('Gepubliceerd', { exact: true })).toBeVisible();
	await expect(page.getByText('Inschrijven: Nog niet begonnen', { exact: true })).toBeVisible();
	const dates = page.locator('dl').filter({ hasText: 'Inschrijvingsperiode' });
	await expect(dates).toContainText(`${longDate(edition.opens)} tot ${longDate(edition.closes)}`);
	await expect(dates).toContainText(`${longDate(edition.workshopStarts)} tot ${longDate(edition.workshopEnds)}`);
	await expect(figure(page, 'Ingeschreven')).toHaveText(/^0 Ingeschreven$/);

	// Each task's line and state are the link's description: what a screen reader says with it.
	await expect(task(page, 'Inschrijvingen')).toHaveAccessibleDescription('Ingeschreven: 0 · Wachtlijst: 0 Nog niet begonnen');
	await expect(task(page, 'Scholen uitnodigen')).toHaveAccessibleDescription('Uitnodigingen verstuurd: 0 Nog niet begonnen');
	await expect(task(page, 'Workshops')).toHaveAccessibleDescription(/Kan nog niet$/);
	await expect(task(page, 'Attesten')).toHaveAccessibleDescription(/Kan nog niet$/);
	await expect(task(page, 'Een klas inschrijven namens een leerkracht')).toBeVisible();
	await checkA11y();

	// On a phone the same page, without scrolling sideways.
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	await checkA11y();
	await page.setViewportSize({ width: 1280, height: 900 });

	// A class enrolled on a teacher's behalf shows on the hub: one more enrolled, its pupils, the task under way.
	await enrolAsCoordinator(page, edition.id, marke, { name: uniqueClassName('3A'), grade: 'L3', pupils: 21 });
	await page.goto(`/coordinator/editions/${edition.id}`);
	await expect(task(page, 'Inschrijvingen')).toHaveAccessibleDescription('Ingeschreven: 1 · Wachtlijst: 0 Bezig');
	await expect(figure(page, 'Ingeschreven')).toHaveText(/^1 Ingeschreven$/);
	await expect(figure(page, 'Leerlingen')).toHaveText(/^21 Leerlingen$/);
	await expect(figure(page, 'Campussen')).toHaveText(/^1 Campussen$/);
	// Classes to plan, no workshop yet.
	await expect(task(page, 'Workshops')).toHaveAccessibleDescription('Momenten: 0 · Klassen ingepland: 0 van 1 Nog niet begonnen');
	// With a class in it, the edition can no longer go back to draft.
	await expect(page.getByRole('button', { name: 'Terug naar ontwerp' })).toHaveCount(0);
});

test('the edit link leads to the form; a save returns to the hub, which says so; a refused save stays on the form', async ({ page, checkA11y }) => {
	const edition = await freshEdition(page);
	await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${edition.name} bewerken` })).toBeVisible();
	await waitForScripts(page);
	const form = new EditionForm(page);
	await expect(form.name()).toHaveValue(edition.name);
	await checkA11y();

	await form.maxClasses().fill('30');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page).toHaveURL(new RegExp(`/coordinator/editions/${edition.id}\\?saved$`));
	const notice = page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' });
	await expect(notice).toBeVisible();
	// The notice takes the focus, so a screen reader reads it out.
	await expect(notice).toBeFocused();
	await expect(figure(page, 'Ingeschreven')).toHaveText(/^0 Ingeschreven\s+van 30$/);
	await checkA11y();

	// An enrolment window that ends before it starts: the form stays, with the error summary and what was typed.
	await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
	await waitForScripts(page);
	const today = brusselsToday();
	await form.opens().fill(addDays(today, 30));
	await form.closes().fill(addDays(today, 25));
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Controleer de gemarkeerde velden.');
	await expect(page).toHaveURL(new RegExp(`/coordinator/editions/${edition.id}/edit`));
	await expect(page.getByRole('heading', { level: 1, name: `${edition.name} bewerken` })).toBeVisible();
	await expect(form.closes()).toHaveValue(addDays(today, 25));
	await expect(form.maxClasses()).toHaveValue('30');
	await checkA11y();
});
