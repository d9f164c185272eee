import { expect, test } from './support/fixtures';
import { LoginPage, loginAs, logout, waitForScripts, welcome } from './support/pages';
import { demo, demoPassword } from './support/people';

test.describe('logging in', () => {
	for (const role of ['coordinator', 'trainer', 'teacher'] as const) {
		test(`the demo ${role} logs in and lands on the ${role} start page`, async ({ page, checkA11y }) => {
			const user = demo[role];
			const login = new LoginPage(page);
			await login.goto();
			await checkA11y();
			await login.login(user.email, demoPassword);

			await expect(page).toHaveURL(user.start);
			await expect(welcome(page, user.name)).toBeVisible();
			await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
			await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
			await checkA11y();
		});
	}

	test('the teacher sees their own campus on the start page', async ({ page }) => {
		await loginAs(page, demo.teacher.email);
		await expect(page.getByRole('heading', { level: 3, name: 'Sint-Maartenscollege' })).toBeVisible();
		await expect(page.getByText('Budastraat 12, 8500 Kortrijk')).toBeVisible();
	});

	test('someone with two roles can switch between their start pages', async ({ page, checkA11y }) => {
		await loginAs(page, demo.teacherTrainer.email);
		await expect(page).toHaveURL('/trainer');
		await expect(page.getByText('Je werkt nu als trainer').filter({ visible: true })).toBeVisible();

		await page.getByRole('link', { name: 'Wissel van rol: leerkracht' }).click();
		await expect(page).toHaveURL('/teacher');
		await expect(welcome(page, demo.teacherTrainer.name)).toBeVisible();
		await expect(page.getByText('Je werkt nu als leerkracht').filter({ visible: true })).toBeVisible();
		await checkA11y();

		await page.getByRole('link', { name: 'Wissel van rol: trainer' }).click();
		await expect(page).toHaveURL('/trainer');
	});

	test('a wrong password shows an error and keeps the e-mail address', async ({ page, checkA11y }) => {
		const login = new LoginPage(page);
		await login.goto();
		await login.login(demo.trainer.email, 'niet-het-goede-wachtwoord');

		await expect(login.alert()).toContainText('Dit e-mailadres en wachtwoord horen niet bij elkaar');
		await expect(page).toHaveURL(/\/login/);
		await expect(login.email()).toHaveValue(demo.trainer.email);
		await checkA11y();

		// The right password still works afterwards.
		await login.login(demo.trainer.email, demoPassword);
		await expect(welcome(page, demo.trainer.name)).toBeVisible();
	});

	test('an empty form gets a message at each field', async ({ page }) => {
		const login = new LoginPage(page);
		await login.goto();
		await login.submit().click();

		await expect(login.alert()).toContainText('Controleer de gemarkeerde velden.');
		// The summary takes focus, so a screen reader announces it.
		await expect(login.alert()).toBeFocused();
		await expect(login.email()).toHaveAttribute('aria-invalid', 'true');
		await expect(login.email()).toHaveAccessibleDescription('Vul dit veld in.');
		await expect(login.password()).toHaveAccessibleDescription('Vul dit veld in.');
	});

	test('login works with the keyboard alone', async ({ page }) => {
		await page.goto('/login');
		// The first Tab reaches the skip link; following it puts focus in the main content.
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Naar de inhoud' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await page.keyboard.press('Enter');

		const login = new LoginPage(page);
		await page.keyboard.press('Tab');
		await expect(login.email()).toBeFocused();
		await page.keyboard.type(demo.teacher.email);
		await page.keyboard.press('Tab');
		await expect(login.password()).toBeFocused();
		await page.keyboard.type(demoPassword);
		await page.keyboard.press('Enter');

		await expect(page).toHaveURL(demo.teacher.start);
		await expect(welcome(page, demo.teacher.name)).toBeVisible();
	});

	test('what is typed while the page is still loading its scripts is kept', async ({ page }) => {
		// A slow connection: the form is there, the scripts arrive only after the user has typed.
		let release!: () => void;
		const scriptsHeldBack = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
			await scriptsHeldBack;
			await route.continue();
		});
		await page.goto('/login', { waitUntil: 'domcontentloaded' });
		const login = new LoginPage(page);
		await login.fill(demo.teacher.email, demoPassword);

		release();
		await waitForScripts(page);
		await expect(login.email()).toHaveValue(demo.teacher.email);
		await expect(login.password()).toHaveValue(demoPassword);
		await login.submit().click();
		await expect(welcome(page, demo.teacher.name)).toBeVisible();
	});

	test('after login the app returns to the page that asked for it', async ({ page, checkA11y }) => {
		await page.goto('/coordinator/people');
		await expect(page).toHaveURL('/login?next=%2Fcoordinator%2Fpeople');

		await new LoginPage(page).login(demo.coordinator.email, demoPassword);
		await expect(page).toHaveURL('/coordinator/people');
		await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible();
		await checkA11y();
	});

	test('a return path to another site is ignored', async ({ page }) => {
		await page.goto('/login?next=' + encodeURIComponent('//evil.example/steal'));
		await new LoginPage(page).login(demo.trainer.email, demoPassword);
		await expect(page).toHaveURL('/trainer');
	});

	test('an anonymous visitor of a coordinator page is sent to login first', async ({ page }) => {
		await page.goto('/coordinator');
		await expect(page).toHaveURL('/login?next=%2Fcoordinator');
		await expect(new LoginPage(page).heading()).toBeVisible();
	});
});

test.describe('logging out', () => {
	test('logout ends the session: coordinator pages ask for login again', async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
		await expect(page).toHaveURL('/coordinator');

		await logout(page);
		await expect(new LoginPage(page).heading()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);

		await page.goto('/coordinator');
		await expect(page).toHaveURL('/login?next=%2Fcoordinator');
	});

	test('logging out on one device keeps the other one logged in', async ({ page, openBrowser }) => {
		await loginAs(page, demo.trainer.email);
		const other = await openBrowser();
		await loginAs(other, demo.trainer.email);

		await logout(page);
		await other.reload();
		await expect(welcome(other, demo.trainer.name)).toBeVisible();
	});
});
