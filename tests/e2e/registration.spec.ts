import { expect, test } from './support/fixtures';
import { campusInviteCode, mailLink, outboxCount } from './support/db';
import { LoginPage, RegisterPage, registerConfirmedTeacher, welcome } from './support/pages';
import { demo, newPassword, unique, uniqueEmail } from './support/people';

/** "ABCD EFGH JKMN" as a teacher might type it: lower case, no hyphens. */
const casually = (code: string) => code.toLowerCase();
const withHyphens = (code: string) => code.match(/.{4}/g)!.join('-');

test.describe('teacher registration', () => {
	test('a teacher registers with the campus code, confirms the address and logs in', async ({ page, checkA11y }) => {
		const suffix = unique();
		const email = uniqueEmail('nieuwe.leerkracht', suffix);
		const name = `Leerkracht ${suffix}`;
		const password = newPassword(suffix);

		await page.goto('/login');
		await page.getByRole('link', { name: 'Registreer met de code van je campus' }).click();
		const form = new RegisterPage(page);
		await expect(form.heading()).toHaveText('Registreren als leerkracht');
		await checkA11y();

		await form.register({ code: withHyphens(campusInviteCode('Campus Centrum')), name, email, password });
		await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
		await expect(page.getByRole('status')).toContainText(email);
		await checkA11y();

		// Before confirming, the account cannot be used.
		const login = new LoginPage(page);
		await login.goto();
		await login.login(email, password);
		await expect(login.alert()).toContainText('Bevestig eerst je e-mailadres');

		// Opening the link only shows a button: mail scanners must not use it up.
		const link = await mailLink(email, 'email_confirm');
		await page.goto(link);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'E-mailadres bevestigen' })).toBeVisible();
		await expect(page.getByText(email)).toBeVisible();
		await checkA11y();
		await page.getByRole('button', { name: 'Bevestig mijn adres' }).click();

		// The link proved the address: the teacher lands on their start page, logged in, told so.
		await expect(page).toHaveURL('/teacher?notice=confirmed');
		await expect(welcome(page, name)).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Je e-mailadres is bevestigd en je bent aangemeld.');
		await checkA11y();
		await expect(page.getByRole('heading', { level: 3, name: 'Sint-Maartenscollege' })).toBeVisible();
	});

	test('a confirmation link works once', async ({ page, checkA11y }) => {
		const account = await registerConfirmedTeacher(page);
		await page.goto(await mailLink(account.email, 'email_confirm'));
		await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Bevestig mijn adres' })).toHaveCount(0);
		await checkA11y();
	});

	test('an unknown confirmation link says it no longer works', async ({ page }) => {
		await page.goto('/confirm-email/dit-is-geen-geldige-link');
		await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('Deze link is niet (meer) geldig');
	});

	test('the code may be typed in lower case without hyphens', async ({ page }) => {
		const suffix = unique();
		const form = new RegisterPage(page);
		await form.goto();
		await form.register({
			code: casually(campusInviteCode('Campus Hoog Kortrijk')),
			name: `Leerkracht ${suffix}`,
			email: uniqueEmail('kleine.letters', suffix),
			password: newPassword(suffix)
		});
		await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
	});

	test('an unknown campus code is refused with a clear message, and the form keeps its values', async ({ page, checkA11y }) => {
		const suffix = unique();
		const email = uniqueEmail('foute.code', suffix);
		const form = new RegisterPage(page);
		await form.goto();
		await form.register({ code: 'ZZZZ-ZZZZ-ZZZZ', name: `Leerkracht ${suffix}`, email, password: newPassword(suffix) });

		await expect(form.code()).toHaveAccessibleDescription(/Deze campuscode kennen we niet/);
		await expect(form.code()).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toContainText('Deze campuscode kennen we niet');
		await expect(form.heading()).toHaveText('Registreren als leerkracht');
		await expect(form.code()).toHaveValue('ZZZZ-ZZZZ-ZZZZ');
		await expect(form.name()).toHaveValue(`Leerkracht ${suffix}`);
		await expect(form.email()).toHaveValue(email);
		await checkA11y();
		expect(outboxCount(email)).toBe(0);
	});

	test('a malformed campus code is explained', async ({ page }) => {
		const suffix = unique();
		const form = new RegisterPage(page);
		await form.goto();
		await form.register({ code: 'ABC-123', name: `Leerkracht ${suffix}`, email: uniqueEmail('kort', suffix), password: newPassword(suffix) });
		await expect(form.code()).toHaveAccessibleDescription(/Een campuscode heeft 12 letters en cijfers/);
		await expect(form.code()).toHaveValue('ABC-123');
	});

	test('short and common passwords are refused at the password field', async ({ page }) => {
		const suffix = unique();
		const form = new RegisterPage(page);
		const input = { code: campusInviteCode('Campus Centrum'), name: `Leerkracht ${suffix}`, email: uniqueEmail('zwak', suffix) };
		await form.goto();

		await form.register({ ...input, password: 'kort' });
		await expect(form.password()).toHaveAccessibleDescription(/Kies een wachtwoord van minstens 10 tekens/);
		await expect(form.password()).toHaveAttribute('aria-invalid', 'true');

		await form.password().fill('wachtwoord123');
		await form.submit().click();
		await expect(form.password()).toHaveAccessibleDescription(/Dit wachtwoord is te gekend/);
		await expect(form.email()).toHaveValue(input.email);
		expect(outboxCount(input.email)).toBe(0);
	});

	test('an address that already has an account gets the same answer as a new one, whatever its case, and its holder a mail', async ({ page }) => {
		const account = await registerConfirmedTeacher(page);
		const suffix = unique();
		const form = new RegisterPage(page);
		const answerFor = async (email: string) => {
			await form.goto();
			await form.register({ code: campusInviteCode('Campus Centrum'), name: `Dubbel ${suffix}`, email, password: newPassword(suffix) });
			await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
			return (await page.getByRole('status').innerText()).replace(email, '<address>');
		};
		const notices = (email: string) => outboxCount(email, 'register_existing');
		const before = { account: notices(account.email), demo: notices(demo.teacher.email) };

		// Nothing on the page tells a stranger which addresses have an account.
		const fresh = uniqueEmail('nog.geen.account', suffix);
		const forNew = await answerFor(fresh);
		expect(await answerFor(account.email.toUpperCase())).toBe(forNew);
		expect(await answerFor(demo.teacher.email)).toBe(forNew);
		await expect(page.getByText('Er bestaat al een account')).toHaveCount(0);

		// The holders hear of it by mail; the new address got its confirmation instead.
		expect(notices(account.email)).toBe(before.account + 1);
		expect(notices(demo.teacher.email)).toBe(before.demo + 1);
		expect(outboxCount(fresh, 'email_confirm')).toBe(1);
		expect(notices(fresh)).toBe(0);
	});

	test('a sixth registration for one address within the hour is refused, saying how long to wait, and mails nobody', async ({ page }) => {
		const suffix = unique();
		const email = uniqueEmail('vijf.keer', suffix);
		const input = { code: campusInviteCode('Campus Centrum'), name: `Herhaald ${suffix}`, email, password: newPassword(suffix) };
		const form = new RegisterPage(page);
		for (let i = 0; i < 5; i++) {
			await form.goto();
			await form.register(input);
			await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
		}
		await form.goto();
		await form.register(input);
		await expect(
			page.getByText('Te veel registraties voor dit e-mailadres of vanaf deze internetverbinding. Probeer het over 60 minuten opnieuw.')
		).toBeVisible();
		await expect(form.heading()).toHaveText('Registreren als leerkracht');
		// One confirmation and four notices to the new account's holder; the sixth post sent nothing.
		expect(outboxCount(email, 'email_confirm')).toBe(1);
		expect(outboxCount(email, 'register_existing')).toBe(4);
	});

	test('a link from the coordinator fills in the code', async ({ page }) => {
		const code = campusInviteCode('Campus Centrum');
		await page.goto(`/register?code=${code}`);
		await expect(new RegisterPage(page).code()).toHaveValue(code);
	});
});
