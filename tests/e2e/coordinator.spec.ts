import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { campusInviteCode, mailLink } from './support/db';
import { LoginPage, RegisterPage, loginAs, registerConfirmedTeacher, waitForScripts, welcome } from './support/pages';
import { demo, newPassword, unique, uniqueEmail } from './support/people';

const formatted = (code: string) => code.match(/.{4}/g)!.join('-');

/** The coordinator's people page, with its invite form and account list. */
class PeoplePage {
	constructor(readonly page: Page) {}

	readonly invite = () => this.page.getByRole('region', { name: 'Iemand uitnodigen' });
	readonly search = () => this.page.getByRole('search');
	readonly accounts = () => this.page.getByRole('region', { name: 'Accounts' });

	async goto() {
		await this.page.goto('/coordinator/people');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible();
		await waitForScripts(this.page);
	}

	async sendInvite(input: { name: string; email: string; role: 'trainer' | 'coördinator'; organisation?: string; language?: 'Nederlands' | 'English' }) {
		const form = this.invite();
		await form.getByLabel('Naam', { exact: true }).fill(input.name);
		await form.getByLabel('E-mailadres', { exact: true }).fill(input.email);
		await form.getByLabel('Rol', { exact: true }).selectOption({ label: input.role });
		if (input.organisation) await form.getByLabel('Organisatie', { exact: true }).selectOption({ label: input.organisation });
		if (input.language) await form.getByLabel('Taal van de uitnodiging', { exact: true }).selectOption({ label: input.language });
		await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	}

	async find(text: string) {
		await this.search().getByLabel('Zoek op naam of e-mailadres').fill(text);
		await this.search().getByRole('button', { name: 'Zoeken' }).click();
		await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/\./g, '\\.')}`));
	}

	row(text: string) {
		return this.accounts().getByRole('row').filter({ hasText: text });
	}
}

test.describe('coordinator', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('the overview links to campuses, people and the outbox, and each page is accessible', async ({ page, checkA11y }) => {
		await expect(welcome(page, demo.coordinator.name)).toBeVisible();
		await expect(page.getByRole('link', { name: /Campussen/ }).first()).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Campagnes' })).toBeVisible();
		await checkA11y();

		const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
		await expect(nav.getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');

		await nav.getByRole('link', { name: 'Campussen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Campussen' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Campussen' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('row').filter({ hasText: 'Campus Centrum' })).toContainText(formatted(campusInviteCode('Campus Centrum')));
		await checkA11y();

		await nav.getByRole('link', { name: 'Mensen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible();
		await checkA11y();

		await nav.getByRole('link', { name: 'Mails', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Uitgaande mails' })).toBeVisible();
		await checkA11y();

		await page.getByRole('link', { name: 'Mijn account', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
		await checkA11y();
	});

	test('invites a trainer, who chooses a password and lands on the trainer page', async ({ page, openBrowser, checkA11y }) => {
		const suffix = unique();
		const email = uniqueEmail('nieuwe.trainer', suffix);
		const name = `Trainer ${suffix}`;
		const people = new PeoplePage(page);
		await people.goto();
		await people.sendInvite({ name, email, role: 'trainer', organisation: 'Wel Jong' });
		await expect(page.getByRole('status')).toContainText(`${email} is uitgenodigd`);

		await people.find(email);
		await expect(people.row(email)).toContainText('Uitgenodigd');
		await expect(people.row(email)).toContainText('Wel Jong');

		// The outbox lists the mail but never its personal link.
		await page.getByRole('link', { name: 'Mails', exact: true }).click();
		const mailRow = page.getByRole('row').filter({ hasText: email });
		await expect(mailRow).toContainText('Je bent uitgenodigd');
		await expect(page.locator('body')).not.toContainText('/invite/');

		const link = await mailLink(email, 'invite');
		const invitee = await openBrowser();
		await invitee.goto(link);
		await expect(invitee.getByRole('heading', { level: 1, name: 'Uitnodiging aanvaarden' })).toBeVisible();
		await expect(invitee.getByLabel('Naam', { exact: true })).toHaveValue(name);
		await checkA11y(invitee);

		// A too short password is refused; the name stays as typed.
		await invitee.getByLabel('Naam', { exact: true }).fill(`${name} Jr`);
		await invitee.getByLabel('Wachtwoord', { exact: true }).fill('kort');
		await invitee.getByRole('button', { name: 'Wachtwoord opslaan en aanmelden' }).click();
		await expect(invitee.getByLabel('Wachtwoord', { exact: true })).toHaveAccessibleDescription(/Kies een wachtwoord van minstens 10 tekens/);
		await expect(invitee.getByLabel('Naam', { exact: true })).toHaveValue(`${name} Jr`);

		const password = newPassword(suffix);
		await invitee.getByLabel('Wachtwoord', { exact: true }).fill(password);
		await invitee.getByRole('button', { name: 'Wachtwoord opslaan en aanmelden' }).click();
		await expect(invitee).toHaveURL('/trainer');
		await expect(welcome(invitee, `${name} Jr`)).toBeVisible();
		await expect(invitee.getByText('Je geeft workshops voor Wel Jong.')).toBeVisible();

		// The link was used up; the account is now active.
		await invitee.goto(link);
		await expect(invitee.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await people.goto();
		await people.find(email);
		await expect(people.row(email)).toContainText('Actief');
	});

	test('a trainer needs an organisation; the invite form keeps what was typed', async ({ page, checkA11y }) => {
		const suffix = unique();
		const email = uniqueEmail('zonder.organisatie', suffix);
		const people = new PeoplePage(page);
		await people.goto();
		await people.sendInvite({ name: `Trainer ${suffix}`, email, role: 'trainer', language: 'English' });

		const form = people.invite();
		await expect(form.getByRole('alert')).toBeVisible();
		await expect(form.getByLabel('Organisatie', { exact: true })).toHaveAccessibleDescription(/Kies de organisatie van de trainer/);
		await expect(form.getByLabel('Organisatie', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(form.getByLabel('Naam', { exact: true })).toHaveValue(`Trainer ${suffix}`);
		await expect(form.getByLabel('E-mailadres', { exact: true })).toHaveValue(email);
		await expect(form.getByLabel('Taal van de uitnodiging', { exact: true })).toHaveValue('en');
		await checkA11y();
	});

	test('inviting an existing teacher as trainer adds the role', async ({ page, openBrowser }) => {
		const teacherPage = await openBrowser();
		const teacher = await registerConfirmedTeacher(teacherPage, 'ook.trainer');

		const people = new PeoplePage(page);
		await people.goto();
		await people.sendInvite({ name: teacher.name, email: teacher.email, role: 'trainer', organisation: 'çavaria' });
		await expect(page.getByRole('status')).toContainText(`${teacher.email} had al een account en heeft nu ook de rol trainer`);

		await new LoginPage(teacherPage).login(teacher.email, teacher.password);
		await expect(teacherPage).toHaveURL('/trainer');
		await expect(teacherPage.getByRole('link', { name: 'Wissel van rol: leerkracht' })).toBeVisible();
	});

	test('searches people and filters them by role', async ({ page }) => {
		const people = new PeoplePage(page);
		await people.goto();
		await people.search().getByLabel('Rol', { exact: true }).selectOption({ label: 'trainer' });
		await people.search().getByRole('button', { name: 'Zoeken' }).click();
		await expect(page).toHaveURL(/role=trainer/);
		await expect(people.row(demo.trainer.name)).toBeVisible();
		await expect(people.row(demo.teacher.name)).toHaveCount(0);

		// Lies Vanhoutte is a teacher: not found among trainers, found among all roles.
		await people.find('Vanhoutte');
		await expect(people.accounts().getByText('Geen accounts gevonden.')).toBeVisible();
		await people.search().getByLabel('Rol', { exact: true }).selectOption({ label: 'Alle rollen' });
		await people.search().getByRole('button', { name: 'Zoeken' }).click();
		await expect(people.row(demo.teacher.name)).toBeVisible();
		await expect(people.accounts().getByRole('row')).toHaveCount(2);
		await expect(people.row(demo.teacher.name)).toContainText('leerkracht');
	});

	test('disabling an account ends its sessions and blocks login until it is enabled again', async ({ page, openBrowser, checkA11y }) => {
		const device = await openBrowser();
		const account = await registerConfirmedTeacher(device, 'uit');
		await new LoginPage(device).login(account.email, account.password);
		await expect(welcome(device, account.name)).toBeVisible();

		const people = new PeoplePage(page);
		await people.goto();
		await people.find(account.email);
		await people
			.row(account.email)
			.getByRole('button', { name: `Account van ${account.name} uitschakelen` })
			.click();
		await expect(page.getByRole('status')).toContainText(`Het account van ${account.name} is uitgeschakeld en overal afgemeld.`);
		await expect(people.row(account.email)).toContainText('Uitgeschakeld');
		await checkA11y();

		// The teacher's open session has ended.
		await device.reload();
		await expect(device).toHaveURL('/login?next=%2Fteacher');

		const login = new LoginPage(device);
		await login.login(account.email, account.password);
		await expect(login.alert()).toContainText('Dit account is uitgeschakeld');

		await people
			.row(account.email)
			.getByRole('button', { name: `Account van ${account.name} inschakelen` })
			.click();
		await expect(page.getByRole('status')).toContainText(`Het account van ${account.name} is weer ingeschakeld.`);
		await expect(people.row(account.email)).toContainText('Actief');
		await login.login(account.email, account.password);
		await expect(welcome(device, account.name)).toBeVisible();
	});

	test('the coordinator cannot disable their own account', async ({ page }) => {
		const people = new PeoplePage(page);
		await people.goto();
		await people.find(demo.coordinator.email);
		const own = people.row(demo.coordinator.email);
		await expect(own).toContainText(`${demo.coordinator.name} (jij)`);
		await expect(own.getByRole('button')).toHaveCount(0);
	});

	test('a new campus code replaces the old one at once', async ({ page, openBrowser, checkA11y }) => {
		const oldCode = campusInviteCode('Campus Marke');
		await page.goto('/coordinator/campuses');
		const row = page.getByRole('row').filter({ hasText: 'Campus Marke' });
		await expect(row).toContainText(formatted(oldCode));
		await row.getByRole('button', { name: 'Nieuwe campuscode maken voor Atheneum Leiestad – Campus Marke' }).click();

		await expect(page.getByRole('status')).toContainText('Atheneum Leiestad – Campus Marke heeft een nieuwe code');
		const newCode = campusInviteCode('Campus Marke');
		expect(newCode).not.toBe(oldCode);
		await expect(page.getByRole('status')).toContainText(formatted(newCode));
		await expect(row).toContainText(formatted(newCode));
		await expect(row).not.toContainText(formatted(oldCode));
		await checkA11y();

		// A teacher with the old code is refused; the new code works.
		const visitor = await openBrowser();
		const suffix = unique();
		const form = new RegisterPage(visitor);
		await form.goto();
		await form.register({ code: oldCode, name: `Leerkracht ${suffix}`, email: uniqueEmail('oude.code', suffix), password: newPassword(suffix) });
		await expect(form.code()).toHaveAccessibleDescription(/Deze campuscode kennen we niet/);
		await form.code().fill(formatted(newCode));
		await form.password().fill(newPassword(suffix));
		await form.submit().click();
		await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
	});
});
