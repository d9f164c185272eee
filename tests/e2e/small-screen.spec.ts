import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo } from './support/people';

/** How far the page itself scrolls sideways (wide tables scroll inside their own box). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('on a phone-sized screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('coordinator pages do not scroll sideways', async ({ page, checkA11y }) => {
		await loginAs(page, demo.coordinator.email);
		for (const [path, title] of [
			['/coordinator', `Welkom, ${demo.coordinator.name}`],
			['/coordinator/people', 'Mensen'],
			['/coordinator/campuses', 'Campussen']
		]) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
			await checkA11y();
		}
	});

	test('the login page and the teacher start page fit the screen', async ({ page }) => {
		await page.goto('/login');
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await loginAs(page, demo.teacher.email);
		await expect(page.getByRole('heading', { level: 2, name: 'Campagnes' })).toBeVisible();
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

		// The campaign's phase ("Inschrijven kan tot …") wraps inside its card instead of sticking out.
		// The demo always has one campaign open for enrolment, whatever today's date.
		const card = page.getByRole('article').filter({ hasText: 'Inschrijven kan tot' });
		const phase = card.getByText('Inschrijven kan tot');
		const [cardBox, phaseBox] = [await card.boundingBox(), await phase.boundingBox()];
		expect(phaseBox!.x + phaseBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
	});

	test("the teacher's classes are cards that show the workshop's date and trainer without scrolling sideways", async ({ page, checkA11y }) => {
		await loginAs(page, demo.teacher.email);
		const mine = page.getByRole('region', { name: 'Mijn ingeschreven klassen' });
		const table = mine.getByRole('table');
		await expect(table).toBeVisible();
		const [scrollWidth, clientWidth] = await table.evaluate((t) => [t.parentElement!.scrollWidth, t.parentElement!.clientWidth]);
		expect(scrollWidth, 'the class table fits its box').toBeLessThanOrEqual(clientWidth);
		// The demo teacher's classes have workshops, most with a trainer (db/seeds/demo-workshops.ts).
		// Cells: class (with campus), edition, grade, pupils, status, workshop.
		const withTrainer = table.getByRole('row').filter({ hasText: 'Trainer:' }).first();
		const workshop = withTrainer.getByRole('cell').nth(5);
		const label = (cell: number) =>
			withTrainer
				.getByRole('cell')
				.nth(cell)
				.evaluate((td) => getComputedStyle(td, '::before').content);
		expect(await label(5)).toContain('"Workshop"');
		const date = workshop.getByText(/^\d{1,2} \w+ \d{4}, \d{2}:\d{2}–\d{2}:\d{2}$/);
		const trainer = workshop.getByText(/^Trainer: /);
		await trainer.scrollIntoViewIfNeeded();
		for (const [what, shown] of [
			['workshop date', date],
			['trainer', trainer]
		] as const) {
			await expect(shown, what).toBeInViewport({ ratio: 1 });
			const box = (await shown.boundingBox())!;
			expect(box.x + box.width, `${what} within the screen's width`).toBeLessThanOrEqual(390);
		}
		// Class, edition, grade, pupils and status in one compact card.
		expect((await withTrainer.boundingBox())!.height).toBeLessThan(300);
		expect(await label(1)).toContain('"Editie"');
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await checkA11y();
	});
});
