import { expect, test } from './support/fixtures';
import { mailLink, outboxCount } from './support/db';
import { LoginPage, loginAs, registerConfirmedTeacher, welcome } from './support/pages';
import { newPassword, uniqueEmail } from './support/people';

test.describe('forgotten password', () => {
	test('a reset link sets a new password, logs in and ends every other session', async ({ page, openBrowser, checkA11y }) => {
		const account = await registerConfirmedTeacher(page, 'vergeten');
		// A second device was logged in before the reset.
		const otherDevice = await openBrowser();
		await loginAs(otherDevice, account.email, account.password);
		await expect(welcome(otherDevice, account.name)).toBeVisible();

		await page.goto('/login');
		await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
		await checkA11y();
		await page.getByLabel('E-mailadres', { exact: true }).fill(account.email);
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();
		await expect(page.getByRole('status')).toContainText(`Als er een account bestaat voor ${account.email}`);
		await checkA11y();

		const link = await mailLink(account.email, 'password_reset');
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
		await expect(page.getByText(account.email)).toBeVisible();
		await checkA11y();

		// The new password follows the same rules as at registration.
		const newPasswordField = page.getByLabel('Nieuw wachtwoord', { exact: true });
		await newPasswordField.fill('kort');
		await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
		await expect(newPasswordField).toHaveAccessibleDescription(/Kies een wachtwoord van minstens 10 tekens/);

		const password = newPassword();
		await newPasswordField.fill(password);
		await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
		await expect(page).toHaveURL('/teacher');
		await expect(welcome(page, account.name)).toBeVisible();

		// The other device's session has ended: its next page view asks to log in.
		await otherDevice.goto('/teacher');
		await expect(otherDevice).toHaveURL('/login?next=%2Fteacher');

		// The link works once.
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Wachtwoord wijzigen' })).toHaveCount(0);

		// The old password no longer works, the new one does.
		const login = new LoginPage(otherDevice);
		await login.goto();
		await login.login(account.email, account.password);
		await expect(login.alert()).toContainText('Dit e-mailadres en wachtwoord horen niet bij elkaar');
		await login.password().fill(password);
		await login.submit().click();
		await expect(welcome(otherDevice, account.name)).toBeVisible();
	});

	test('an unknown address gets the same answer, and no mail is queued', async ({ page }) => {
		const unknown = uniqueEmail('niemand');
		await page.goto('/forgot-password');
		await page.getByLabel('E-mailadres', { exact: true }).fill(unknown);
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();

		await expect(page.getByRole('status')).toHaveText(
			`Als er een account bestaat voor ${unknown}, ontvang je binnen enkele minuten een mail met een link. De link is 1 uur geldig.`
		);
		expect(outboxCount(unknown)).toBe(0);
	});

	test('an invalid address is a field error, not a silent answer', async ({ page }) => {
		await page.goto('/forgot-password');
		const email = page.getByLabel('E-mailadres', { exact: true });
		await email.fill('geen-adres');
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();
		await expect(email).toHaveAccessibleDescription(/Vul een geldig e-mailadres in/);
		await expect(email).toHaveValue('geen-adres');
	});

	test('an unknown reset link says it no longer works', async ({ page, checkA11y }) => {
		await page.goto('/reset-password/bestaat-niet');
		await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Wachtwoord vergeten' })).toBeVisible();
		await checkA11y();
	});
});
