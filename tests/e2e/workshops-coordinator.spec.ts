import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { addDays, upcomingEdition } from './support/enrolment-db';
import { loginAs, waitForScripts } from './support/pages';
import { demo } from './support/people';
import { freeWeekday } from './support/workshop-days';

/**
 * The coordinator plans workshops (issue 5): a series of slots in one go at
 * Campus Centrum (Sint-Maartenscollege), seen in the list and the week view,
 * then one slot gets a class and a trainer. Every page is checked with axe,
 * and on a phone-sized screen.
 */
const campus = 'Campus Centrum';
const school = 'Sint-Maartenscollege';
// The trainer specs leave days with rooms named e2e-… alone.
const room = 'e2e-coordinator';

/** How far the page itself scrolls sideways (wide tables scroll inside their own box). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A full-page screenshot at laptop and phone width, attached to the report, and the phone layout checked. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const path = testInfo.outputPath(`${name}-${width}.png`);
		await page.screenshot({ path, fullPage: true });
		await testInfo.attach(`${name} at ${width}px`, { path, contentType: 'image/png' });
		if (width === 390) expect(await sidewaysScroll(page), `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

const dayLabel = (date: string) =>
	new Intl.DateTimeFormat('nl-BE', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

test.describe('coordinator plans workshops', () => {
	test('creates slots in bulk, sees them in the list and the week, and gives one a class and a trainer', async ({ page, checkA11y }, testInfo) => {
		test.setTimeout(90_000);
		const edition = upcomingEdition();
		const day = freeWeekday(edition.id, edition.workshopStartsOn, edition.workshopEndsOn);
		const base = `/coordinator/editions/${edition.id}/workshops`;
		await loginAs(page, demo.coordinator.email);

		// From the edition's page to its workshops.
		await page.goto(`/coordinator/editions/${edition.id}`);
		await page.getByRole('link', { name: 'Workshops', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Workshops – ${edition.name}` })).toBeVisible();
		await checkA11y();
		await shoot(page, testInfo, 'list');

		// Four slots of 50 minutes from 08:30 with 10 minutes between.
		await page.getByRole('link', { name: 'Meerdere momenten tegelijk' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Meerdere workshopmomenten tegelijk' })).toBeVisible();
		await waitForScripts(page);
		await page.getByLabel('Campus', { exact: true }).selectOption({ label: `${campus} (${school})` });
		await page.getByLabel('Lokaal').fill(room);
		await page.getByLabel('Datum').fill(day);
		await page.getByLabel('Beginuur van de eerste workshop').fill('8.30');
		await page.getByLabel('Aantal workshops').fill('4');
		await page.getByLabel('Duur van elke workshop (minuten)').fill('50');
		await page.getByLabel('Tijd tussen twee workshops (minuten)').fill('10');
		await expect(page.getByText('Dat geeft 4 momenten: 08:30–09:20, 09:30–10:20, 10:30–11:20, 11:30–12:20.')).toBeVisible();
		await checkA11y();
		await shoot(page, testInfo, 'bulk');
		await page.getByRole('button', { name: 'Workshopmomenten aanmaken' }).click();

		// The list opens on the new series: that campus, that day.
		await expect(page.getByRole('status')).toHaveText('Nieuwe workshopmomenten aangemaakt: 4.');
		await expect(page.getByText('Gevonden: 4')).toBeVisible();
		const rows = page.getByRole('region', { name: 'Workshopmomenten van deze editie' }).getByRole('row');
		await expect(rows).toHaveCount(5);
		for (const [i, time] of ['08:30–09:20', '09:30–10:20', '10:30–11:20', '11:30–12:20'].entries()) {
			await expect(rows.nth(i + 1)).toContainText(time);
			await expect(rows.nth(i + 1)).toContainText(campus);
			await expect(rows.nth(i + 1)).toContainText('Zoekt trainer');
		}
		await checkA11y();

		// The week view of that day: four cards in time order in its column.
		await page.getByRole('link', { name: 'Week', exact: true }).click();
		const column = page
			.getByRole('list', { name: /^Week van / })
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: dayLabel(day) }) });
		const cards = column.getByRole('listitem');
		await expect(cards).toHaveCount(4);
		await expect(cards.first()).toContainText('08:30–09:20');
		await expect(cards.last()).toContainText('11:30–12:20');
		await checkA11y();
		await shoot(page, testInfo, 'week');

		// On a phone the day columns stack: each one below the other, not beside it.
		await page.setViewportSize({ width: 390, height: 844 });
		const columns = page.getByRole('list', { name: /^Week van / }).locator(':scope > li');
		const [first, second] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
		expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
		expect(Math.abs(second!.x - first!.x)).toBeLessThan(1);
		await page.setViewportSize({ width: 1280, height: 900 });

		// One slot: a class of the campus and a trainer.
		await cards.first().getByRole('link', { name: campus }).click();
		await expect(page.getByRole('heading', { level: 1, name: /^Workshop op .*, 08:30–09:20$/ })).toBeVisible();
		await checkA11y();
		const classes = page.getByRole('group', { name: 'Ingeschreven klassen van deze campus' });
		const firstClass = classes.getByRole('checkbox').first();
		const className = ((await classes.locator('label strong').first().textContent()) ?? '').trim();
		await firstClass.check();
		await page.getByRole('button', { name: 'Klassen bewaren' }).click();
		await expect(page.getByRole('status')).toHaveText('De klassen zijn bewaard.');
		await expect(classes.getByRole('checkbox').first()).toBeChecked();

		await waitForScripts(page);
		await page.getByLabel('Trainer inplannen').selectOption({ label: 'Sami Benali (çavaria)' });
		await page.getByRole('button', { name: 'Inplannen', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('De trainer is ingepland en krijgt een bericht.');
		const trainers = page.getByRole('region', { name: 'Trainers' });
		await expect(trainers.getByText('Trainers 1/1')).toBeVisible();
		await expect(trainers.getByRole('button', { name: 'Sami Benali afhalen' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Geschiedenis' })).toContainText('Trainer ingepland: Sami Benali');
		await checkA11y();
		await shoot(page, testInfo, 'slot');

		// Back in the list, the slot shows its class and trainer and no longer needs anyone.
		await page.goto(`${base}?from=${day}&to=${day}&needs=1`);
		await expect(page.getByText('Gevonden: 3')).toBeVisible();
		await page.goto(`${base}?from=${day}&to=${day}`);
		const row = page.getByRole('row').filter({ hasText: '08:30–09:20' });
		await expect(row).toContainText(className);
		await expect(row).toContainText('Sami Benali');
	});

	test('the planning view, the new-slot form and its field errors', async ({ page, checkA11y }, testInfo) => {
		const edition = upcomingEdition();
		const base = `/coordinator/editions/${edition.id}/workshops`;
		await loginAs(page, demo.coordinator.email);

		await page.goto(`${base}/planning?all=1`);
		await expect(page.getByRole('heading', { level: 1, name: `Planning – ${edition.name}` })).toBeVisible();
		const centrum = page.getByRole('region', { name: new RegExp(`^${campus} \\(${school}\\)`) });
		await expect(centrum).toBeVisible();
		await checkA11y();
		await shoot(page, testInfo, 'planning');

		// "Workshop slot at Campus Centrum" opens the form with that campus chosen.
		await centrum.getByRole('link', { name: `Workshopmoment op ${campus}`, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuw workshopmoment' })).toBeVisible();
		await expect(page.getByLabel('Campus', { exact: true })).toHaveValue(/\d+/);
		await waitForScripts(page);
		await page.getByLabel('Datum').fill(addDays(edition.workshopEndsOn, 1));
		await page.getByLabel('Beginuur').fill('25:00');
		await page.getByLabel('Einduur').fill('10:00');
		await page.getByLabel('Lokaal').fill(room);
		await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
		await expect(page.getByLabel('Beginuur')).toHaveAccessibleDescription(/Vul een uur in zoals 08:30\./);
		// Values stay; the time is fixed and the day outside the period is refused by the service.
		await expect(page.getByLabel('Lokaal')).toHaveValue(room);
		await page.getByLabel('Beginuur').fill('09:00');
		await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
		await expect(page.getByLabel('Datum')).toHaveAccessibleDescription(/Kies een dag in de workshopperiode/);
		await checkA11y();
		await shoot(page, testInfo, 'new');
	});

	test('marks a trainer as planner for their organisation, and back', async ({ page, checkA11y }) => {
		await loginAs(page, demo.coordinator.email);
		await page.goto(`/coordinator/people?q=${encodeURIComponent(demo.trainer.email)}`);
		const toggle = page.getByRole('button', { name: `Planner voor Wel Jong: ${demo.trainer.name}` });
		const before = await toggle.getAttribute('aria-pressed');
		await toggle.click();
		await expect(page.getByRole('status')).toContainText(demo.trainer.name);
		await expect(toggle).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
		await checkA11y();
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', before ?? 'false');
	});
});
