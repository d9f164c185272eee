import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LoginPage, loginAs, logout, waitForScripts } from './support/pages';
import { demo, demoPassword, unique } from './support/people';

/**
 * Issue 16, point 7: an error summary that links to each field (GOV.UK pattern),
 * success messages that a screen reader hears after a redirect, and <html lang>
 * that follows the language of the page after a client-side navigation (WCAG 3.1.1).
 */

/** Marks the document, so a later check can tell a client-side navigation from a page load. */
const markDocument = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-unloaded', 'no'));
const sameDocument = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-unloaded', 'no');

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('the error summary', () => {
	test('lists each field error as a link in the order of the form; a link focuses its field', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator/schools');
		await waitForScripts(page);
		const name = page.getByLabel('Naam van de school', { exact: true });
		const number = page.getByLabel('Instellingsnummer', { exact: true });
		await number.fill('12-34');
		await page.getByRole('button', { name: 'School aanmaken' }).click();

		const summary = page.getByRole('alert');
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('heading', { level: 2, name: 'Er is een probleem' })).toBeVisible();
		const links = summary.getByRole('link');
		// Each line names its field: two generic messages would not say which fields they are about.
		await expect(links).toHaveText(['Naam van de school: Vul dit veld in.', 'Instellingsnummer: Gebruik alleen cijfers, hoogstens 10.']);
		await expect(links.nth(0)).toHaveAttribute('href', '#field-name');
		await expect(links.nth(1)).toHaveAttribute('href', '#field-instellingsnummer');
		// The same words stand at the fields.
		await expect(name).toHaveAccessibleDescription('Vul dit veld in.');
		await expect(number).toHaveAccessibleDescription(/Gebruik alleen cijfers, hoogstens 10\./);
		await checkA11y();
		await screenshots(page, testInfo, 'error-summary-schools');

		await links.nth(1).click();
		await expect(number).toBeFocused();
		await expect(number).toHaveValue('12-34');
		await links.nth(0).click();
		await expect(name).toBeFocused();
		await expect(page).toHaveURL('/coordinator/schools');
	});

	test('the login form: a line per empty field; a refusal about no field stays one message', async ({ page }) => {
		const login = new LoginPage(page);
		await login.goto();
		await waitForScripts(page);
		// Nothing filled in: both fields are required, each gets a line.
		await login.submit().click();
		const summary = login.alert();
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link')).toHaveText([/^E-mailadres: Vul dit veld in\.$/, /^Wachtwoord: Vul dit veld in\.$/]);
		await summary.getByRole('link').nth(1).click();
		await expect(login.password()).toBeFocused();

		// A wrong password is about no single field: a message, no list.
		await login.fill(demo.teacher.email, 'Niet-het-wachtwoord-1');
		await login.submit().click();
		await expect(login.alert()).toContainText('Dit e-mailadres en wachtwoord horen niet bij elkaar.');
		await expect(login.alert().getByRole('link')).toHaveCount(0);
	});

	test('works without JavaScript: the page comes back with the summary and its links', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL, locale: 'nl-BE', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
		await expect(summary.getByRole('link')).toHaveText(['Vul dit veld in.', 'Vul dit veld in.']);
		await expect(summary.getByRole('link').nth(0)).toHaveAttribute('href', '#field-email');
		await expect(summary.getByRole('link').nth(1)).toHaveAttribute('href', '#field-password');
		await context.close();
	});
});

test('a success message after a redirect takes focus, in a status region', async ({ page, checkA11y }, testInfo) => {
	await loginAs(page, demo.coordinator.email);
	await page.goto('/coordinator/schools');
	await waitForScripts(page);
	await markDocument(page);
	await page.getByLabel('Naam van de school', { exact: true }).fill(`Basisschool De Regenboog ${unique()}`);
	await page.getByLabel('Instellingsnummer', { exact: true }).fill(String(Date.now()).slice(-9));
	await page.getByRole('button', { name: 'School aanmaken' }).click();

	await expect(page).toHaveURL(/\/coordinator\/schools\/\d+\?created=1$/);
	const status = page.getByRole('status');
	await expect(status).toHaveText('De school is aangemaakt. Voeg nu haar campussen toe.');
	await expect(status).toBeFocused();
	// The app went there without loading a new page (use:enhance followed the redirect).
	await sameDocument(page);
	await checkA11y();
	await screenshots(page, testInfo, 'success-after-redirect');
});

/** Pixels of the app's focus colour (--focus, #1a5fb4) in a picture of the page around a box. */
async function focusColourAround(page: Page, box: { x: number; y: number; width: number; height: number }) {
	const shot = await page.screenshot({ clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
	return page.evaluate(async (png) => {
		const img = new Image();
		img.src = `data:image/png;base64,${png}`;
		await img.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
		const context = canvas.getContext('2d')!;
		context.drawImage(img, 0, 0);
		const data = context.getImageData(0, 0, img.width, img.height).data;
		let count = 0;
		for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 26) + Math.abs(data[i + 1] - 95) + Math.abs(data[i + 2] - 180) < 40) count++;
		return count;
	}, shot.toString('base64'));
}

test('the calendar button of a date field shows the focus ring when reached with the keyboard', async ({ page }, testInfo) => {
	await loginAs(page, demo.coordinator.email);
	await page.goto('/coordinator/audit');
	const from = page.locator('#audit-from');
	await from.focus();
	// Day, month, year, then the calendar button: the input holds the focus without having it itself.
	for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
	expect(await from.evaluate((el) => el.matches(':focus-within:not(:focus)'))).toBe(true);
	const box = (await from.boundingBox())!;
	const button = { x: box.x + box.width - box.height, y: box.y, width: box.height, height: box.height };
	expect(await focusColourAround(page, button)).toBeGreaterThan(40);
	await page.screenshot({
		path: testInfo.outputPath('date-calendar-button-focus.png'),
		clip: { x: box.x - 12, y: box.y - 40, width: box.width + 24, height: box.height + 52 }
	});
	// The segments themselves keep the ring of the whole field.
	await page.keyboard.press('Shift+Tab');
	expect(await from.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
});

test.describe('<html lang> after a client-side navigation', () => {
	test('Dutch login page, English profile: lang="en" right after login, the whole page in English', async ({ page, checkA11y }, testInfo) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await waitForScripts(page);
		await markDocument(page);
		await new LoginPage(page).login(demo.englishTrainer.email, demoPassword);

		await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${demo.englishTrainer.name}` })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await sameDocument(page);
		// Header and footer were drawn again in English, not only the new page.
		await expect(page.getByRole('navigation', { name: 'Language' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
		await expect(page.getByRole('contentinfo')).toContainText('About this website');
		await checkA11y();
		await screenshots(page, testInfo, 'after-login-in-english');

		// Logout is a page load: the server writes the same language.
		await logout(page, 'Log out');
		await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test.describe('an English browser', () => {
		test.use({ locale: 'en-GB' });

		test('English login page, Dutch profile: lang="nl" right after login; the switch sets it back', async ({ page, checkA11y }) => {
			await page.goto('/login');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await waitForScripts(page);
			await markDocument(page);
			await page.getByLabel('E-mail address', { exact: true }).fill(demo.coordinator.email);
			await page.getByLabel('Password', { exact: true }).fill(demoPassword);
			await page.getByRole('button', { name: 'Log in' }).click();

			await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${demo.coordinator.name}` })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
			await sameDocument(page);
			await expect(page.getByRole('navigation', { name: 'Taal' })).toBeVisible();
			await checkA11y();

			await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
			await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${demo.coordinator.name}` })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			// Back to Dutch, so the demo coordinator's profile stays as the other tests expect it.
			await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		});
	});
});
