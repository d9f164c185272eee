import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { belgianHolidays } from '../../src/lib/time/belgian-holidays';
import { addDays, freeEditionYear, upcomingEdition } from './support/enrolment-db';
import { EditionForm, openEnrolForm, uniqueClassName } from './support/enrolment';
import { loginAs, waitForScripts } from './support/pages';
import { demo } from './support/people';
import { read } from './support/read-db';

/**
 * School hours (issue 17): the coordinator closes Friday in a new (draft) edition's
 * hours; a Friday slot is then refused with the reason, and allowed with the
 * exception and its reason. A teacher's preferred half-day on a blocked day of the
 * upcoming demo edition is refused, naming the day. Pages checked with axe at
 * laptop and phone width; screenshots go to the test's output folder.
 */
const shotDir = process.env.SHOT_DIR;

/** axe at 1280 and 390 px, with a screenshot of each when SHOT_DIR is set. */
async function checkBothWidths(page: Page, checkA11y: () => Promise<void>, name: string) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await checkA11y();
		if (shotDir) await page.screenshot({ path: `${shotDir}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** The first Friday of a period. */
const fridayFrom = (from: string) => {
	let day = from;
	while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 5) day = addDays(day, 1);
	return day;
};

test('a coordinator changes the school hours; a slot outside them is refused, then allowed as an exception', async ({ page, checkA11y }) => {
	test.setTimeout(90_000);
	const year = freeEditionYear(2070);
	const name = `PAARS uren ${year}`;
	await loginAs(page, demo.coordinator.email);

	// A new draft edition: its form offers the default school week.
	const form = new EditionForm(page);
	await form.gotoNew();
	await form.fill({
		year,
		name,
		opens: `${year - 1}-11-15`,
		closes: `${year}-04-15`,
		workshopStarts: `${year}-04-20`,
		workshopEnds: `${year}-06-07`,
		grades: ['S1']
	});
	const hours = page.getByRole('group', { name: 'Schooluren' });
	await expect(hours.getByRole('group', { name: 'Woensdag' }).getByLabel('Tot')).toHaveValue('12:00');
	await expect(hours.getByRole('group', { name: 'Zaterdag' }).getByLabel('Van')).toHaveValue('');
	await form.create();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const editionId = Number(/\/coordinator\/editions\/(\d+)/.exec(page.url())![1]);

	// The edition's settings: no workshops on Friday in this edition.
	await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
	await waitForScripts(page);
	const friday = page.getByRole('group', { name: 'Schooluren' }).getByRole('group', { name: 'Vrijdag' });
	await friday.getByLabel('Van').fill('09:00');
	await friday.getByLabel('Tot').fill('');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(friday.getByText('Vul voor deze dag een begin- én een einduur in, of laat beide leeg.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Tot (Vrijdag): Vul voor deze dag een begin- én een einduur in, of laat beide leeg.' })).toBeVisible();
	await checkBothWidths(page, checkA11y, 'edition-hours-error');
	await friday.getByLabel('Van').fill('');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page).toHaveURL(new RegExp(`/coordinator/editions/${editionId}(\\?|$)`));
	const stored = read((db) => (db.prepare('select school_hours as h from editions where id = ?').get(editionId) as { h: string }).h);
	expect(stored).toBe('08:30-16:00,08:30-16:00,08:30-12:00,08:30-16:00,,,');

	// A Friday slot is refused, with the reason.
	const day = fridayFrom(`${year}-04-20`);
	await page.goto(`/coordinator/editions/${editionId}/workshops/new`);
	await waitForScripts(page);
	await page.getByLabel('Campus', { exact: true }).selectOption({ label: 'Campus Centrum (Sint-Maartenscollege)' });
	await page.getByLabel('Datum').fill(day);
	await page.getByLabel('Beginuur').fill('10:00');
	await page.getByLabel('Einduur').fill('10:50');
	await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
	const weekdayDate = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${day}T12:00:00Z`)
	);
	const refusal = `Op ${weekdayDate} worden in deze editie geen workshops gegeven: die dag valt buiten de schooluren.`;
	await expect(page.locator('#field-localDate-error')).toContainText(refusal);
	await checkBothWidths(page, checkA11y, 'slot-refused');

	// Ticked without a reason: the reason is asked for. With it: created, and the exception shows.
	await page.getByLabel('Deze workshop toch buiten de schooluren toestaan').check();
	await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
	await expect(page.locator('#field-hoursExceptionReason-error')).toHaveText('Geef op waarom deze workshop buiten de schooluren mag vallen.');
	await page.getByLabel('Reden van de uitzondering').fill('Sportdag verplaatst, afgesproken met de directie');
	await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
	await expect(page).toHaveURL(/\/workshops\/\d+\?created=1/);
	await expect(page.getByText('Uitzondering op de schooluren: Sportdag verplaatst, afgesproken met de directie')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Geschiedenis' }).getByText('Toegestaan buiten de schooluren')).toBeVisible();
	await expect(page.getByLabel('Deze workshop toch buiten de schooluren toestaan')).toBeChecked();
	await checkBothWidths(page, checkA11y, 'slot-exception');
});

test("a teacher's preferred half-day on a blocked day is refused, naming the day", async ({ page, checkA11y }) => {
	const edition = upcomingEdition();
	// Ascension Day always falls in the demo's upcoming workshop period, which the seed prefills with the public holidays.
	const holiday = belgianHolidays(Number(edition.workshopEndsOn.slice(0, 4))).find((h) => h.key === 'ascension')!.date;
	const isBlocked = read((db) => db.prepare('select 1 from blocked_days where edition_id = ? and local_date = ?').get(edition.id, holiday));
	expect(isBlocked, `${holiday} is a blocked day of ${edition.name}`).toBeTruthy();
	await loginAs(page, demo.teacher.email);
	const form = await openEnrolForm(page, edition.name);
	await form.fill({ name: uniqueClassName('3C'), grade: 'S3', pupils: 20, preferences: [{ date: holiday, part: 'voormiddag' }] });
	await form.submit();
	const weekdayDate = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${holiday}T12:00:00Z`)
	);
	await expect(page.locator('#field-pref1Date-error')).toHaveText(
		`Op ${weekdayDate} kunnen geen workshops plaatsvinden (O.L.H.-Hemelvaart). Kies een andere dag.`
	);
	await checkBothWidths(page, checkA11y, 'preference-refused');
});
