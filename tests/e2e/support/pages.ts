import { expect, type Page } from '@playwright/test';
import { campusInviteCode, mailLink } from './db';
import { demoPassword, newPassword, unique, uniqueEmail } from './people';

/**
 * Waits until the page has loaded its scripts (and so has hydrated). Text fields keep
 * what was typed before that, but selects and the search boxes are set again during
 * hydration, so tests that change them right after a navigation wait for this first.
 */
export async function waitForScripts(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** Page objects for the forms the tests fill in. Dutch labels: the browser locale is nl-BE. */
export class LoginPage {
	constructor(readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Aanmelden' });
	readonly email = () => this.page.getByLabel('E-mailadres', { exact: true });
	readonly password = () => this.page.getByLabel('Wachtwoord', { exact: true });
	readonly submit = () => this.page.getByRole('button', { name: 'Aanmelden' });
	readonly alert = () => this.page.getByRole('alert');

	async goto(next?: string) {
		await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
		await expect(this.heading()).toBeVisible();
	}

	async fill(email: string, password: string) {
		await this.email().fill(email);
		await this.password().fill(password);
	}

	async login(email: string, password: string) {
		await this.fill(email, password);
		await this.submit().click();
	}
}

/** Logs in through the form and waits until the app has left /login. */
export async function loginAs(page: Page, email: string, password = demoPassword): Promise<void> {
	const login = new LoginPage(page);
	await login.goto();
	await login.login(email, password);
	await expect(page).not.toHaveURL(/\/login/);
}

/** Logs out with the header's button (a POST) and waits for the login page. */
export async function logout(page: Page, buttonName = 'Afmelden'): Promise<void> {
	// On a phone the button is in the header's menu.
	const menu = page.getByRole('banner').locator('details.menu > summary');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('button', { name: buttonName }).click();
	await expect(page).toHaveURL(/\/login$/);
}

export const welcome = (page: Page, name: string) => page.getByRole('heading', { level: 1, name: `Welkom, ${name}` });

export class RegisterPage {
	constructor(readonly page: Page) {}

	readonly heading = () => this.page.getByRole('heading', { level: 1 });
	readonly code = () => this.page.getByLabel('Campuscode', { exact: true });
	readonly name = () => this.page.getByLabel('Naam', { exact: true });
	readonly email = () => this.page.getByLabel('E-mailadres', { exact: true });
	readonly password = () => this.page.getByLabel('Wachtwoord', { exact: true });
	readonly submit = () => this.page.getByRole('button', { name: 'Account aanmaken' });

	async goto() {
		await this.page.goto('/register');
		await expect(this.heading()).toHaveText('Registreren als leerkracht');
	}

	async register(input: { code: string; name: string; email: string; password: string }) {
		await this.code().fill(input.code);
		await this.name().fill(input.name);
		await this.email().fill(input.email);
		await this.password().fill(input.password);
		await this.submit().click();
	}
}

export interface NewAccount {
	email: string;
	name: string;
	password: string;
}

/**
 * Registers a new teacher of Campus Centrum through the form and confirms the
 * address with the link from the outbox. Leaves the page on /login?confirmed.
 */
export async function registerConfirmedTeacher(page: Page, prefix = 'teacher'): Promise<NewAccount> {
	const suffix = unique();
	const account = { email: uniqueEmail(prefix, suffix), name: `Leerkracht ${suffix}`, password: newPassword(suffix) };
	const form = new RegisterPage(page);
	await form.goto();
	await form.register({ code: campusInviteCode('Campus Centrum'), ...account });
	await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
	await page.goto(await mailLink(account.email, 'email_confirm'));
	await page.getByRole('button', { name: 'Bevestig mijn adres' }).click();
	// Confirming logs the teacher in; callers start from a logged-out browser, so log out again (which ends that session).
	await expect(page).toHaveURL('/teacher?notice=confirmed');
	await logout(page);
	return account;
}
