import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';

/** A small logo made here: a purple disc and rainbow stripes, 800×300, scaled down by the app. */
const logoPng = () =>
	sharp(
		Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="300">
			<rect width="800" height="300" fill="#ffffff"/>
			<circle cx="150" cy="150" r="120" fill="#6b2d8f"/>
			${['#e40303', '#ff8c00', '#ffed00', '#008026', '#004dff', '#750787'].map((c, i) => `<rect x="320" y="${40 + i * 38}" width="440" height="30" fill="${c}"/>`).join('')}
		</svg>`)
	)
		.png()
		.toBuffer();

const fields = {
	nameNl: 'Naam van de stad (Nederlands)',
	shortNl: 'Korte naam (Nederlands)',
	contact: 'Algemeen contactadres (e-mail)',
	website: 'Website van de stad',
	dpoName: 'Functionaris voor gegevensbescherming (naam)',
	dpoEmail: 'E-mailadres voor privacyvragen',
	a11yEmail: 'E-mailadres voor toegankelijkheid'
};

const link3 = (page: Page) => page.getByRole('group', { name: 'Link 3' });

test.describe('city settings', () => {
	test('the coordinator sets name, logo, contacts and a help link; header, footer and statements show them', async ({ page, checkA11y }, testInfo) => {
		// Three roles of the app in one walk (settings, public pages, phone): longer than most.
		test.setTimeout(150_000);
		await loginAs(page, 'coordinator@example.org');
		await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Instellingen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen van de stad');
		await checkA11y();
		const original: Record<string, string> = {};
		for (const [key, label] of Object.entries(fields)) original[key] = await page.getByLabel(label).inputValue();
		expect(original.nameNl).toBe('Stad Kortrijk');

		// Bad input: a field error per field, nothing saved.
		await page.getByLabel(fields.website).fill('javascript:alert(1)');
		await page.getByLabel(fields.dpoEmail).fill('Privacy <dpo@teststad.be>');
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		// At the field and in the error summary above the form.
		await expect(page.getByText('Vul een volledig webadres in dat begint met https://')).toHaveCount(2);
		await expect(page.getByText('Vul alleen het e-mailadres in')).toHaveCount(2);
		await expect(page.getByLabel(fields.website)).toHaveAttribute('aria-invalid', 'true');
		await checkA11y();
		await page.goto('/coordinator/settings');
		await expect(page.getByLabel(fields.website)).toHaveValue(original.website);

		await page.getByLabel(fields.nameNl).fill('Stad Teststad');
		await page.getByLabel(fields.shortNl).fill('Teststad');
		await page.getByLabel('Nieuw logo (PNG of JPEG)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await logoPng() });
		await page.getByLabel(fields.contact).fill('info@teststad.be');
		await page.getByLabel(fields.website).fill('https://www.teststad.be');
		await page.getByLabel(fields.dpoName).fill('Mira Janssens');
		await page.getByLabel(fields.dpoEmail).fill('dpo@teststad.be');
		await page.getByLabel(fields.a11yEmail).fill('toegankelijk@teststad.be');
		await link3(page).getByLabel('Tekst (Nederlands)').fill('Hulplijn Teststad');
		await link3(page).getByLabel('Webadres').fill('https://hulp.teststad.be');
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
		await expect(page.getByRole('img', { name: 'Huidig logo van Stad Teststad' })).toBeVisible();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('city-settings-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('city-settings-390.png'), fullPage: true });

		// Header and footer, logged out too.
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/privacy');
		const header = page.getByRole('banner');
		await expect(header.getByText('Stad Teststad')).toBeVisible();
		const logo = header.locator('img.logo');
		await expect(logo).toHaveAttribute('src', /^\/city-logo\/[0-9a-f]{64}$/);
		expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
		// Public and cacheable for a year: the hash in its address changes with the logo.
		const served = await page.request.get((await logo.getAttribute('src'))!);
		expect([served.status(), served.headers()['content-type'], served.headers()['cache-control']]).toEqual([
			200,
			'image/png',
			'public, max-age=31536000, immutable'
		]);
		const footer = page.getByRole('contentinfo');
		await expect(footer.getByRole('link', { name: 'Hulplijn Teststad' })).toHaveAttribute('href', 'https://hulp.teststad.be');
		await expect(footer.getByRole('link', { name: 'info@teststad.be' })).toHaveAttribute('href', 'mailto:info@teststad.be');
		await expect(footer.getByRole('link', { name: 'Website van Stad Teststad' })).toHaveAttribute('href', 'https://www.teststad.be');
		const main = page.getByRole('main');
		await expect(main.getByText('De verwerkingsverantwoordelijke is Stad Teststad.')).toBeVisible();
		await expect(main.getByRole('link', { name: 'dpo@teststad.be' }).first()).toHaveAttribute('href', 'mailto:dpo@teststad.be');
		await expect(main.getByText('Mira Janssens').first()).toBeVisible();
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath('privacy-1280.png') });
		await page.goto('/accessibility');
		await expect(page.getByRole('main').getByRole('link', { name: 'toegankelijk@teststad.be' })).toBeVisible();
		// A phone shows the short name.
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/');
		await expect(header.getByText('Teststad', { exact: true })).toBeVisible();
		await expect(header.getByText('Stad Teststad')).toBeHidden();
		await page.screenshot({ path: testInfo.outputPath('home-390.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('home-1280.png'), fullPage: true });

		// Back to the demo's settings, so other specs see Kortrijk as seeded.
		await page.goto('/coordinator/settings');
		for (const [key, label] of Object.entries(fields)) await page.getByLabel(label).fill(original[key]);
		await page.getByLabel('Logo verwijderen').check();
		await link3(page).getByLabel('Tekst (Nederlands)').fill('');
		await link3(page).getByLabel('Webadres').fill('');
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
		await expect(page.getByRole('banner').getByText('Stad Kortrijk')).toBeVisible();
		await expect(page.getByRole('banner').locator('img.logo')).toHaveCount(0);
	});

	test('a file that is not an image is refused, whatever its name', async ({ page }) => {
		await loginAs(page, 'coordinator@example.org');
		await page.goto('/coordinator/settings');
		await page.getByLabel('Nieuw logo (PNG of JPEG)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('geen afbeelding\n') });
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await expect(page.getByText('Het logo moet een PNG- of JPEG-afbeelding zijn.').first()).toBeVisible();
		await expect(page.getByText('De instellingen zijn bewaard.')).toHaveCount(0);
		// Only the current logo is served: no other stored file can be reached through this address.
		expect((await page.request.get(`/city-logo/${'0'.repeat(64)}`)).status()).toBe(404);
	});
});
