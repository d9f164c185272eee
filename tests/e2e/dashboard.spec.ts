import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs } from './support/pages';
import { demo, unique } from './support/people';
import { read } from './support/read-db';

/**
 * The coordinator's dashboard (issue 16): a few headline figures, the rest as a
 * summary list, charts with their table folded under them, the mail queue as a
 * status line and an amber box for what needs attention, each with a link to act.
 */
const nl = new Intl.NumberFormat('nl-BE');

/** What the current edition's figures are in the database. */
function editionFigures(editionId: number) {
	return read((db) => {
		const classes = db
			.prepare("select count(*) as classes, coalesce(sum(pupil_count), 0) as pupils from classes where edition_id = ? and status = 'enrolled'")
			.get(editionId) as { classes: number; pupils: number };
		const waiting = db.prepare("select count(*) as n from classes where edition_id = ? and status = 'waiting'").get(editionId) as { n: number };
		return { ...classes, waiting: waiting.n };
	});
}

/** The figures are counted at most every 15 seconds: reload until they show what the database says. */
async function expectHeadline(page: Page, label: string, value: number) {
	const item = page.getByTestId('dashboard-headlines').getByRole('listitem').filter({ hasText: label });
	await expect
		.poll(
			async () => {
				await page.reload();
				return (await item.textContent())?.replace(/\s+/g, ' ').trim();
			},
			{ timeout: 20_000, intervals: [1_000, 2_000] }
		)
		.toMatch(new RegExp(`^${nl.format(value).replace('.', '\\.')} ${label}`));
}

test.describe('coordinator dashboard', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('the headline figures are the classes, pupils, given workshops and the waiting list; the mail queue is a status line', async ({ page }) => {
		const edition = upcomingEdition();
		const figures = editionFigures(edition.id);
		await expect(page.getByRole('heading', { level: 2, name: `Kerncijfers van ${edition.name}` })).toBeVisible();
		const headlines = page.getByTestId('dashboard-headlines').getByRole('listitem');
		await expect(headlines).toHaveCount(4);
		await expectHeadline(page, 'Klassen ingeschreven', figures.classes);
		await expectHeadline(page, 'Leerlingen bereikt', figures.pupils);
		await expectHeadline(page, 'Klassen op de wachtlijst', figures.waiting);
		await expect(headlines.filter({ hasText: 'Workshops gegeven' })).toContainText(/van \d+ gepland/);

		// The mail queue is a quiet line with a link, not one of the figures.
		await expect(page.getByTestId('dashboard-headlines')).not.toContainText('Mail');
		const queue = page.getByTestId('mail-queue');
		await expect(queue).toContainText(/^Mailwachtrij: [\d.]+ wachtend · [\d.]+ mislukt\./);
		const fontSize = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
		expect(await queue.evaluate(fontSize)).toBeLessThan(await headlines.first().locator('span').first().evaluate(fontSize));
		await queue.getByRole('link', { name: 'Naar de mails' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mails' })).toBeVisible();
	});

	test('a chart keeps its figures in a folded table that opens, and its labels stay smaller than the headings', async ({ page }) => {
		const table = page.getByRole('table', { name: /^Workshops van / });
		await expect(table).toBeHidden();
		await page.locator('summary', { hasText: 'Toon de cijfers als tabel' }).first().click();
		await expect(table).toBeVisible();
		await expect(table.getByRole('row', { name: /Workshops gegeven/ })).toBeVisible();
		const label = page.locator('.bar-chart .label').first();
		const heading = page.getByRole('heading', { level: 3, name: /^Workshops van / });
		const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
		expect(await label.evaluate(size)).toBeLessThan(await heading.evaluate(size));
	});

	test('a kit item without stock raises an amber warning that links to the kits page, and retiring it clears it', async ({ page, checkA11y }, testInfo) => {
		const edition = upcomingEdition();
		const name = `Lage voorraad e2e ${unique()}`;
		await page.goto(`/coordinator/editions/${edition.id}/kits`);
		const add = page.getByRole('region', { name: 'Artikel toevoegen' });
		await add.getByLabel('Naam (Nederlands)').fill(name);
		await add.getByLabel('Naam (Engels)').fill(name);
		await add.getByRole('radio', { name: 'Vast aantal per campus' }).check();
		await add.getByLabel('Aantal per campus (bij vast aantal)').fill('5');
		await add.getByRole('button', { name: 'Artikel toevoegen' }).click();
		await expect(page.getByRole('status')).toHaveText('Het artikel is toegevoegd.');

		await page.goto('/coordinator');
		const box = page.getByRole('region', { name: 'Aandacht nodig' });
		const warning = box.getByRole('listitem').filter({ hasText: name });
		await expect(warning).toContainText(`Lage voorraad: ${name}, nog 0 beschikbaar (${edition.name}).`);
		const background = await box.evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(background, 'the warning colour role (--warning-soft)').toBe('rgb(255, 243, 220)');
		await warning.getByRole('link', { name: `Aanvullen via Campagnepakket › Voorraad – ${name}` }).click();
		await expect(page).toHaveURL(`/coordinator/editions/${edition.id}/kits`);
		await expect(page.getByRole('heading', { level: 1, name: /^Campagnepakket/ })).toBeVisible();
		// The kit has its own menu entry, current on its pages, with the stock and orders of each edition in use.
		const menu = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
		await expect(menu.getByRole('link', { name: 'Campagnepakket' })).toHaveAttribute('aria-current', 'page');
		await menu.getByRole('link', { name: 'Campagnepakket' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Campagnepakket' })).toBeVisible();
		const kit = page.getByRole('region', { name: edition.name });
		await expect(kit.getByRole('listitem').filter({ hasText: name })).toHaveText(`${name}: nog 0 beschikbaar`);
		await expect(kit.getByRole('link', { name: `Naar de bestellingen – ${edition.name}` })).toHaveAttribute(
			'href',
			`/coordinator/editions/${edition.id}/orders`
		);
		await checkA11y();
		await page.setViewportSize({ width: 390, height: 844 });
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath('kit-overview-390.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.screenshot({ path: testInfo.outputPath('kit-overview-1280.png'), fullPage: true });
		await kit.getByRole('link', { name: `Naar de voorraad en de artikels – ${edition.name}` }).click();
		await expect(page).toHaveURL(`/coordinator/editions/${edition.id}/kits`);

		// Retired, it is no longer offered and no longer a warning (and no longer in other specs' orders).
		await page.getByText(`${name} beheren`).click();
		await page.locator('details[open]').getByRole('button', { name: 'Niet meer aanbieden' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.goto('/coordinator');
		await expect(page.getByText(name)).toHaveCount(0);
	});

	test('the dashboard and the campaign report are accessible at desk and phone width, tables open', async ({ page, checkA11y }) => {
		test.setTimeout(150_000);
		const archived = read((db) => db.prepare("select id from editions where status = 'archived' order by year desc limit 1").get() as { id: number });
		for (const path of ['/coordinator', `/coordinator/editions/${archived.id}/report`]) {
			await page.goto(path);
			for (const width of [1280, 390]) {
				await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
				for (const d of await page.locator('main details:not(.menu)').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
				await checkA11y();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `nothing sticks out sideways at ${width} px on ${path}`).toBeLessThanOrEqual(0);
				await page.reload();
			}
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});
});
