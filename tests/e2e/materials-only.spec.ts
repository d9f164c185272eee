import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { TeacherHome, openEnrolForm, summaryValue, uniqueClassName } from './support/enrolment';
import { loginAs, logout } from './support/pages';
import { demo } from './support/people';

/**
 * Materials only (issue 17, point 5): a teacher enrols a class for the lessons and
 * the kit without a workshop. Their start page says so where a workshop class says
 * "not yet planned", the coordinator's planning never lists it as to plan, and the
 * enrolment overview labels it.
 */
const participation = (page: Page) => page.getByRole('group', { name: 'Hoe neemt de klas deel?' });
const preferences = (page: Page) => page.getByRole('group', { name: 'Voorkeur voor de workshop' });

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Runs `check` (axe, a screenshot) at a desktop and a phone width; on the phone the page must not scroll sideways. */
async function atBothWidths(page: Page, check: () => Promise<void>) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		await check();
		if (width === 390) expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a teacher enrols a class for materials only; it never shows as to plan', async ({ page, checkA11y }, testInfo) => {
	const edition = upcomingEdition();
	const name = uniqueClassName('Mat');
	await loginAs(page, demo.teacher.email);
	await new TeacherHome(page).goto();
	const form = await openEnrolForm(page, edition.name);

	// A workshop is the default; choosing materials only hides the preferred half-days.
	await expect(participation(page).getByRole('radio', { name: 'Met een workshop (en het lesmateriaal)' })).toBeChecked();
	await expect(preferences(page)).toBeVisible();
	await participation(page).getByRole('radio', { name: 'Alleen materiaal, zonder workshop' }).check();
	await expect(preferences(page)).toBeHidden();
	await atBothWidths(page, async () => {
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath(`enrol-${page.viewportSize()!.width}.png`), fullPage: true });
	});
	await form.fill({ name, grade: 'S2', pupils: 17 });
	await form.submit();

	const home = new TeacherHome(page);
	await expect(page).toHaveURL(/\/teacher\?/);
	const row = home.row(home.myClasses(), name, edition.name);
	await expect(row.getByRole('cell').nth(4)).toHaveText('Ingeschreven');
	// The workshop column says "materials only", never "not yet planned".
	await expect(row.getByRole('cell').nth(5)).toHaveText('Alleen materiaal');
	await atBothWidths(page, async () => {
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath(`home-${page.viewportSize()!.width}.png`), fullPage: true });
	});

	await home.openClass(home.myClasses(), name, edition.name);
	await expect(summaryValue(page, 'Deelname')).toHaveText('Alleen materiaal');
	await expect(page.getByRole('heading', { level: 2, name: 'Workshop' })).toHaveCount(0);
	await expect(participation(page).getByRole('radio', { name: 'Alleen materiaal, zonder workshop' })).toBeChecked();
	await expect(preferences(page)).toBeHidden();
	await atBothWidths(page, () => checkA11y());

	// The coordinator's planning, with every campus shown, has no trace of the class.
	await logout(page);
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/workshops/planning?all=1`);
	await expect(page.getByRole('heading', { level: 1, name: `Planning – ${edition.name}` })).toBeVisible();
	await expect(page.getByText('Klassen die kozen voor alleen materiaal')).toBeVisible();
	await expect(page.getByText(name)).toHaveCount(0);
	await atBothWidths(page, async () => {
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath(`planning-${page.viewportSize()!.width}.png`) });
	});

	// The enrolment overview counts it as enrolled and labels it.
	await page.goto(`/coordinator/editions/${edition.id}/enrolments?${new URLSearchParams({ q: name })}`);
	const overviewRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(`^Klas ${name} van`) }) });
	await expect(overviewRow).toContainText('Ingeschreven');
	await expect(overviewRow).toContainText('Alleen materiaal');
	await atBothWidths(page, async () => {
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath(`overview-${page.viewportSize()!.width}.png`), fullPage: true });
	});

	// The teacher withdraws it again: its place at Campus Centrum (8 at most) is for the specs that follow.
	await logout(page);
	await loginAs(page, demo.teacher.email);
	await home.openClass(home.myClasses(), name, edition.name);
	await page.locator('summary', { hasText: 'Klas uitschrijven' }).click();
	await page.getByRole('checkbox', { name: `Ja, schrijf klas ${name} uit` }).check();
	await page.getByRole('button', { name: 'Klas uitschrijven' }).click();
	await expect(home.notice()).toContainText(`Klas ${name} is uitgeschreven.`);
});
