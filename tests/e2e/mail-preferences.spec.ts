import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs, registerConfirmedTeacher, waitForScripts } from './support/pages';

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The mails section at laptop and phone width, attached to the report; the phone layout must not scroll sideways. */
async function shoot(page: Page, testInfo: TestInfo) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const path = testInfo.outputPath(`account-mails-${width}.png`);
		await page.screenshot({ path, fullPage: true });
		await testInfo.attach(`account with mail choices at ${width}px`, { path, contentType: 'image/png' });
		if (width === 390) expect(await sidewaysScroll(page), 'the account page scrolls sideways on a phone').toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('mail choices in the profile', () => {
	test('a teacher switches reminders off, and after a reload they stay off', async ({ page, checkA11y }, testInfo) => {
		const account = await registerConfirmedTeacher(page, 'mailkeuze');
		await loginAs(page, account.email, account.password);
		await page.goto('/account');
		await waitForScripts(page);

		const mails = page.getByRole('region', { name: 'Mails' });
		const reminders = mails.getByRole('checkbox', { name: 'Herinneringen voor en na workshops' });
		const followUps = mails.getByRole('checkbox', { name: 'Opvolging na een workshop' });
		await expect(reminders).toBeChecked();
		await expect(followUps).toBeChecked();
		await expect(mails.getByRole('group', { name: 'Welke extra mails wil je krijgen?' })).toHaveAccessibleDescription(/Verplichte mails krijg je altijd/);
		await expect(reminders).toHaveAccessibleDescription(/een herinnering om een gegeven workshop te melden/);
		await checkA11y();
		await shoot(page, testInfo);

		await reminders.uncheck();
		await mails.getByRole('button', { name: 'Mailkeuzes opslaan' }).click();
		await expect(mails.getByRole('status')).toHaveText('Je mailkeuzes zijn opgeslagen.');
		await expect(reminders).not.toBeChecked();

		await page.reload();
		await expect(reminders).not.toBeChecked();
		await expect(followUps).toBeChecked();
		await checkA11y();
	});

	test('works without JavaScript too', async ({ browser, baseURL }) => {
		const setup = await browser.newPage({ baseURL, locale: 'nl-BE' });
		const account = await registerConfirmedTeacher(setup, 'mailkeuzenojs');
		await setup.close();
		const context = await browser.newContext({ baseURL, locale: 'nl-BE', javaScriptEnabled: false });
		const page = await context.newPage();
		await loginAs(page, account.email, account.password);
		await page.goto('/account');
		const mails = page.getByRole('region', { name: 'Mails' });
		await mails.getByRole('checkbox', { name: 'Opvolging na een workshop' }).uncheck();
		await mails.getByRole('button', { name: 'Mailkeuzes opslaan' }).click();
		await expect(page.getByRole('region', { name: 'Mails' }).getByRole('status')).toHaveText('Je mailkeuzes zijn opgeslagen.');
		await page.goto('/account');
		await expect(page.getByRole('checkbox', { name: 'Opvolging na een workshop' })).not.toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Herinneringen voor en na workshops' })).toBeChecked();
		await context.close();
	});
});
