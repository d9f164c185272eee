import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { mailLink, outboxCount } from './support/db';
import { welcome } from './support/pages';
import { demo, uniqueEmail } from './support/people';

const doneText = (email: string) => `Als er een account bestaat voor ${email}, hebben we een aanmeldlink gestuurd. De link werkt één keer, 15 minuten lang.`;

async function askForLink(page: Page, email: string) {
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByRole('button', { name: 'Mail me een aanmeldlink' }).click();
	await expect(page.getByRole('status')).toHaveText(doneText(email));
}

/** The page at desktop and phone width, kept with the test's output to look at. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('login link', () => {
	test('a teacher mails herself a link, logs in with it once, and lands on her start page', async ({ page, checkA11y }, testInfo) => {
		await page.goto('/login');
		await screenshots(page, testInfo, 'login-with-link-offer');
		await page.getByRole('link', { name: 'Mail me een aanmeldlink' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden met een link' })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'login-link-request');
		await askForLink(page, demo.teacher.email);
		await checkA11y();
		await screenshots(page, testInfo, 'login-link-sent');

		const link = await mailLink(demo.teacher.email, 'login_link');
		await page.goto(link);
		// Opening the link (as a mail scanner would) shows a button and nothing about the account.
		await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden met je link' })).toBeVisible();
		await expect(page.getByText(demo.teacher.name)).toHaveCount(0);
		await expect(page.getByText(demo.teacher.email)).toHaveCount(0);
		await checkA11y();
		await screenshots(page, testInfo, 'login-link-use');
		await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await expect(page).toHaveURL(demo.teacher.start);
		await expect(welcome(page, demo.teacher.name)).toBeVisible();

		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Vraag een nieuwe aanmeldlink aan' })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'login-link-invalid');
	});

	test('after asking for a page while logged out, the link leads back to that page', async ({ page }) => {
		await page.goto('/teacher/kit');
		await expect(page).toHaveURL('/login?next=%2Fteacher%2Fkit');
		await page.getByRole('link', { name: 'Mail me een aanmeldlink' }).click();
		// The login page has an address field too: wait for the link page before typing.
		await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden met een link' })).toBeVisible();
		await askForLink(page, demo.teacher.email);
		await page.goto(await mailLink(demo.teacher.email, 'login_link'));
		await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await expect(page).toHaveURL('/teacher/kit');
	});

	test('an unknown address gets the same answer, and no mail is queued', async ({ page }) => {
		const unknown = uniqueEmail('niemand');
		await page.goto('/login/link');
		await askForLink(page, unknown);
		expect(outboxCount(unknown)).toBe(0);
		// A typo: the form comes back empty for another try.
		await page.getByRole('link', { name: 'Een ander adres proberen' }).click();
		await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue('');
	});

	test('an invalid address is a field error tied to the field', async ({ page }) => {
		await page.goto('/login/link');
		const email = page.getByLabel('E-mailadres', { exact: true });
		await email.fill('geen-adres');
		await page.getByRole('button', { name: 'Mail me een aanmeldlink' }).click();
		await expect(email).toHaveAccessibleDescription(/Vul een geldig e-mailadres in/);
		await expect(email).toHaveValue('geen-adres');
	});
});
