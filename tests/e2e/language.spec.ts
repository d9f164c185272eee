import { expect, test } from './support/fixtures';
import { LoginPage, loginAs, logout, registerConfirmedTeacher } from './support/pages';
import { demo, demoPassword } from './support/people';

test.describe('language switch', () => {
	test('an anonymous visitor switches to English and back on the same page', async ({ page, checkA11y }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		const languages = page.getByRole('navigation', { name: 'Taal' });
		await expect(languages.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-current', 'true');

		await languages.getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL('/login');
		await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
		await checkA11y();

		// The choice sticks while browsing on.
		await page.getByRole('link', { name: 'Forgot your password?' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password' })).toBeVisible();

		await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
		await expect(page).toHaveURL('/forgot-password');
		await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
	});

	test('the switch keeps the query of the page; after login the profile’s language wins', async ({ page }) => {
		await page.goto('/login?next=%2Fcoordinator%2Fcampuses');
		await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL('/login?next=%2Fcoordinator%2Fcampuses');
		await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();

		await page.getByLabel('E-mail address', { exact: true }).fill(demo.coordinator.email);
		await page.getByLabel('Password', { exact: true }).fill(demoPassword);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page).toHaveURL('/coordinator/campuses');
		// The coordinator's profile says Dutch.
		await expect(page.getByRole('heading', { level: 1, name: 'Campussen' })).toBeVisible();
	});

	test('a signed-in user’s choice is remembered in the profile, on every device', async ({ page, openBrowser }) => {
		const account = await registerConfirmedTeacher(page, 'taal');
		await new LoginPage(page).login(account.email, account.password);
		await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();

		await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveURL('/teacher');
		await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
		await logout(page, 'Log out');

		// A fresh browser whose language is Dutch: after login the profile's English wins.
		const fresh = await openBrowser();
		await fresh.goto('/login');
		await expect(fresh.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
		await new LoginPage(fresh).login(account.email, account.password);
		await expect(fresh.getByRole('heading', { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
		await expect(fresh.getByRole('button', { name: 'Log out' })).toBeVisible();
	});

	test('a user with English in the profile gets English after login in a Dutch browser', async ({ page, checkA11y }) => {
		await loginAs(page, demo.englishTrainer.email);
		await expect(page).toHaveURL('/trainer');
		await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${demo.englishTrainer.name}` })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Campaigns' })).toBeVisible();
		await checkA11y();
	});
});

test.describe('an English browser', () => {
	test.use({ locale: 'en-GB' });

	test('an anonymous visitor gets the English interface from the browser’s language', async ({ page, checkA11y }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
		await expect(page.getByLabel('E-mail address', { exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Register with your campus code' })).toBeVisible();
		await checkA11y();

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Equal-opportunities campaigns in schools' })).toBeVisible();
		await checkA11y();

		await page.goto('/does-not-exist');
		await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	});
});
