import { expect, test } from './support/fixtures';

test.describe('public pages', () => {
	test('the home page leads to login and registration', async ({ page, checkA11y }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Campagnes voor gelijke kansen in scholen' })).toBeVisible();
		await checkA11y();
		await page.getByRole('main').getByRole('link', { name: 'Registreren als leerkracht' }).click();
		await expect(page).toHaveURL('/register');
		await page.goto('/');
		await page.getByRole('main').getByRole('link', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL('/login');
	});

	const pages = [
		{ path: '/privacy', link: 'Privacyverklaring', nl: 'Privacyverklaring', en: 'Privacy notice' },
		{ path: '/accessibility', link: 'Toegankelijkheidsverklaring', nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' }
	];
	for (const info of pages) {
		test(`${info.path} is reachable from the footer, in Dutch and English`, async ({ page, checkA11y }) => {
			await page.goto('/login');
			await page.getByRole('contentinfo').getByRole('link', { name: info.link }).click();
			await expect(page).toHaveURL(info.path);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(info.nl);
			await expect(page).toHaveTitle(new RegExp(info.nl));
			await checkA11y();

			await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
			await expect(page).toHaveURL(info.path);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(info.en);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await checkA11y();
		});
	}
});
