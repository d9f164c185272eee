import { expect, test } from './support/fixtures';
import { loginAs, registerConfirmedTeacher, waitForScripts, welcome } from './support/pages';

test.describe('my account', () => {
	test('changes the name shown in the app', async ({ page, checkA11y }) => {
		const account = await registerConfirmedTeacher(page, 'naam');
		await loginAs(page, account.email, account.password);
		await page.getByRole('link', { name: 'Mijn account', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
		await expect(page.getByText(account.email)).toBeVisible();
		await checkA11y();

		const name = page.getByLabel('Naam', { exact: true });
		await expect(name).toHaveValue(account.name);

		await name.fill('');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(name).toHaveAccessibleDescription('Vul dit veld in.');

		await name.fill(`${account.name} Nieuw`);
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByRole('status')).toContainText('Je gegevens zijn opgeslagen.');
		await expect(name).toHaveValue(`${account.name} Nieuw`);

		await page.goto('/teacher');
		await expect(welcome(page, `${account.name} Nieuw`)).toBeVisible();
	});

	test('changes the language in the profile', async ({ page, checkA11y }) => {
		const account = await registerConfirmedTeacher(page, 'profieltaal');
		await loginAs(page, account.email, account.password);
		await page.goto('/account');
		await waitForScripts(page);
		await page.getByRole('combobox', { name: 'Taal', exact: true }).selectOption({ label: 'English' });
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		// The whole page switches, not only the notice.
		await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Your details have been saved.');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Language', exact: true })).toHaveValue('en');
		await checkA11y();

		await page.getByRole('link', { name: 'My campus' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${account.name}` })).toBeVisible();
	});

	test('lists the logged-in devices and logs out all the others', async ({ page, openBrowser }) => {
		const account = await registerConfirmedTeacher(page, 'toestellen');
		const other = await openBrowser();
		await loginAs(other, account.email, account.password);
		await expect(welcome(other, account.name)).toBeVisible();

		await loginAs(page, account.email, account.password);
		await page.goto('/account');
		const devices = page.getByRole('region', { name: 'Aangemelde toestellen' }).getByRole('listitem');
		await expect(devices).toHaveCount(2);
		await expect(devices.filter({ hasText: 'dit toestel' })).toHaveCount(1);

		await page.getByRole('button', { name: 'Meld alle andere toestellen af' }).click();
		await expect(page.getByRole('status')).toContainText('Je bent op alle andere toestellen afgemeld.');
		await expect(devices).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Meld alle andere toestellen af' })).toHaveCount(0);

		await other.reload();
		await expect(other).toHaveURL('/login?next=%2Fteacher');
		// This device is still logged in.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
	});
});
