import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo, demoPassword } from './support/people';

/** A wide logo made here (a teal disc and a bar), scaled down by the header. */
const logoPng = () =>
	sharp(
		Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
			<rect width="600" height="200" fill="#ffffff"/><circle cx="100" cy="100" r="80" fill="#00607a"/><rect x="220" y="70" width="340" height="60" fill="#00607a"/>
		</svg>`)
	)
		.png()
		.toBuffer();

const nameField = 'Naam van de stad (Nederlands)';
const shortField = 'Korte naam (Nederlands)';
const header = (page: Page) => page.getByRole('banner');
const headerHeight = async (page: Page) => (await header(page).boundingBox())!.height;

test.describe('the look: header, font, widths', () => {
	test.describe.configure({ timeout: 150_000 });

	test("the header shows the city's logo and name beside the app's name, on a desk and on a phone", async ({ page, checkA11y }) => {
		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator/settings');
		const original = { name: await page.getByLabel(nameField).inputValue(), short: await page.getByLabel(shortField).inputValue() };
		await page.getByLabel(nameField).fill('Stad Lookstad');
		await page.getByLabel(shortField).fill('Lookstad');
		await page.getByLabel('Nieuw logo (PNG of JPEG)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await logoPng() });
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();

		try {
			for (const path of ['/login', '/coordinator']) {
				await page.setViewportSize({ width: 1280, height: 900 });
				await page.goto(path);
				const logo = header(page).locator('img.logo');
				await expect(logo).toBeVisible();
				await expect(logo).toHaveAttribute('src', /^\/city-logo\/[0-9a-f]{64}$/);
				await expect(header(page).getByText('Stad Lookstad')).toBeVisible();
				await expect(header(page).getByText('Schoolcampagnes')).toBeVisible();
				await checkA11y();

				await page.setViewportSize({ width: 390, height: 844 });
				await expect(logo).toBeVisible();
				await expect(header(page).getByText('Lookstad', { exact: true })).toBeVisible();
				expect(await headerHeight(page)).toBeLessThanOrEqual(64);
				await checkA11y();
			}
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto('/coordinator/settings');
			await page.getByLabel(nameField).fill(original.name);
			await page.getByLabel(shortField).fill(original.short);
			await page.getByLabel('Logo verwijderen').check();
			await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
			await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
		}
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 390, height: 844 } });

		test('the header is one compact bar whose menu opens without JavaScript', async ({ browser, baseURL }) => {
			const context = await browser.newContext({ baseURL, locale: 'nl-BE', viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/login');
			await page.getByLabel('E-mailadres').fill(demo.trainer.email);
			await page.getByLabel('Wachtwoord').fill(demoPassword);
			await page.getByRole('main').getByRole('button', { name: 'Aanmelden' }).click();
			await expect(page).toHaveURL('/trainer');
			expect(await headerHeight(page)).toBeLessThanOrEqual(64);

			const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
			await expect(nav).toBeHidden();
			await header(page).getByText('Menu').click();
			await expect(nav.getByRole('link', { name: 'Agenda' })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
			await nav.getByRole('link', { name: 'Agenda' }).click();
			await expect(page).toHaveURL('/trainer/calendar');
			await context.close();
		});

		test('the pages of each role pass axe with the menu open', async ({ page, checkA11y }) => {
			for (const [who, path] of [
				[demo.teacher.email, '/teacher'],
				[demo.trainer.email, '/trainer'],
				[demo.coordinator.email, '/coordinator']
			]) {
				await page.context().clearCookies();
				await loginAs(page, who);
				await page.goto(path);
				expect(await headerHeight(page)).toBeLessThanOrEqual(64);
				await checkA11y();
				await header(page).getByText('Menu').click();
				await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
				await checkA11y();
			}
		});
	});

	test('the app ships its own font and uses it', async ({ page }) => {
		await page.goto('/login');
		await page.evaluate(() => document.fonts.ready);
		const loaded = await page.evaluate(async () => {
			await document.fonts.load("16px 'Noto Sans Variable'", 'Łódź Ольга Ζωή');
			return ['Łódź', 'Ольга', 'Ζωή'].map((text) => document.fonts.check("16px 'Noto Sans Variable'", text));
		});
		expect(loaded).toEqual([true, true, true]);
		expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans Variable');
		// Served by the app itself (the CSP allows font-src 'self' only).
		const fonts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((n) => n.endsWith('.woff2'))
		);
		expect(fonts.length).toBeGreaterThan(0);
		for (const f of fonts) expect(new URL(f).origin).toBe(new URL(page.url()).origin);
	});

	test('a desk screen gives tables and dashboards its width, while running text keeps a readable measure', async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator');
		const headlines = page.getByTestId('dashboard-headlines');
		expect((await headlines.boundingBox())!.width).toBeGreaterThan(1100);
		// Two charts side by side at desk width.
		const [first, second] = await page.locator('main .chart-with-table').all();
		expect((await second.boundingBox())!.x).toBeGreaterThan((await first.boundingBox())!.x + 400);
		const lead = page.locator('main .lead').first();
		expect(await lead.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(46 * 16);
	});
});
