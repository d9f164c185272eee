import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs, waitForScripts } from './support/pages';
import { demo } from './support/people';
import { freeWeekday } from './support/workshop-days';

/**
 * Issue 17 point 6, planning help: Campus Dorp's classes L5A (19 pupils) and L6A
 * (22) have no workshop and the demo has no slot there. The planning page says
 * so and links to a new slot at that campus; once made, the slot is proposed for
 * both, and "Place here" puts L5A on it (and L6A, without JavaScript). Checked
 * with axe, at 1280 and 390 px.
 */
const campus = 'Campus Dorp';
const school = 'Vrije Basisschool Bellegem';
// The trainer specs leave days with rooms named e2e-… alone.
const room = 'e2e-proposals';

/** How far the page itself scrolls sideways. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shoot(page: Page, testInfo: TestInfo, name: string, checkA11y: () => Promise<void>) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await checkA11y();
		const path = testInfo.outputPath(`${name}-${width}.png`);
		await page.screenshot({ path, fullPage: true });
		await testInfo.attach(`${name} at ${width}px`, { path, contentType: 'image/png' });
		if (width === 390) expect(await sidewaysScroll(page), `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('the planning page proposes a free slot for a class without workshop and places it with one click', async ({ page, checkA11y }, testInfo) => {
	test.setTimeout(90_000);
	const edition = upcomingEdition();
	const base = `/coordinator/editions/${edition.id}/workshops`;
	const day = freeWeekday(edition.id, edition.workshopStartsOn, edition.workshopEndsOn);
	await loginAs(page, demo.coordinator.email);

	await page.goto(`${base}/planning`);
	const dorp = page.getByRole('region', { name: `${campus} (${school})` });
	const classItem = (name: string) => dorp.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
	await expect(classItem('L5A')).toContainText('Geen vrij moment dat past.');
	await shoot(page, testInfo, 'planning-without-slot', checkA11y);

	// The empty state leads to a new slot at that campus, the campus already chosen.
	await classItem('L5A')
		.getByRole('link', { name: `Maak een workshopmoment op ${campus}` })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuw workshopmoment' })).toBeVisible();
	await expect(page.getByLabel('Campus', { exact: true }).locator('option:checked')).toHaveText(`${campus} (${school})`);
	await waitForScripts(page);
	await page.getByLabel('Datum').fill(day);
	await page.getByLabel('Beginuur').fill('10:00');
	await page.getByLabel('Einduur').fill('10:50');
	await page.getByLabel('Lokaal').fill(room);
	await page.getByLabel('Maximum aantal leerlingen').fill('45');
	await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
	await expect(page.getByRole('status')).toContainText('Het workshopmoment is aangemaakt.');

	// Back on the planning page, the new slot is proposed for both classes, with why it fits.
	await page.goto(`${base}/planning`);
	const proposals = classItem('L5A').getByRole('list', { name: 'Voorstellen voor L5A, het beste eerst' });
	const proposal = proposals.getByRole('listitem').filter({ hasText: room });
	await expect(proposal).toContainText('10:00–10:50');
	await expect(proposal).toContainText('nog 45 plaatsen');
	await shoot(page, testInfo, 'planning-proposals', checkA11y);

	// A second coordinator's browser, without JavaScript, has the same page open.
	const plain = await page.context().browser()!.newContext({ javaScriptEnabled: false, baseURL: testInfo.project.use.baseURL });
	const noScript = await plain.newPage();
	await loginAs(noScript, demo.coordinator.email);
	await noScript.goto(`${base}/planning`);
	const proposalsOf = (name: string) =>
		noScript.getByRole('region', { name: `${campus} (${school})` }).getByRole('list', { name: `Voorstellen voor ${name}, het beste eerst` });
	await expect(proposalsOf('L5A')).toContainText(room);

	await waitForScripts(page);
	await proposal.getByRole('button', { name: /^Plaats hier/ }).click();
	const notice = page.getByRole('status');
	await expect(notice).toHaveText(/^L5A staat nu op .+, 10:00–10:50\.$/);
	await expect(notice).toBeFocused();
	// L5A is planned and leaves the list; L6A's 22 pupils still fit the 26 places left.
	await expect(classItem('L5A')).toHaveCount(0);
	await expect(classItem('L6A').getByRole('listitem').filter({ hasText: room })).toContainText('nog 26 plaatsen');
	await shoot(page, testInfo, 'planning-placed', checkA11y);

	// The other browser's L5A proposal went stale: refused, saying why. "Place here" is a
	// plain form post there, and places L6A on the same slot.
	await proposalsOf('L5A')
		.getByRole('button', { name: /^Plaats hier/ })
		.click();
	await expect(noScript.getByRole('alert')).toHaveText('Deze klas heeft intussen al een workshop.');
	await noScript.goto(`${base}/planning`);
	await proposalsOf('L6A')
		.getByRole('button', { name: /^Plaats hier/ })
		.click();
	await expect(noScript.getByRole('status')).toHaveText(/^L6A staat nu op .+, 10:00–10:50\.$/);
	await plain.close();

	await page.getByRole('link', { name: 'Naar dat workshopmoment' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('10:00–10:50');
	const classes = page.getByRole('region', { name: 'Klassen' });
	await expect(classes).toContainText('L5A');
	await expect(classes).toContainText('L6A');
});
