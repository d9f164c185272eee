import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo, unique, uniqueEmail } from './support/people';

/** A full-page screenshot at 1280 and at 390 px wide, then back to 1280. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** An optional text field by its label. */
const optional = (page: Page, label: string) => page.getByRole('textbox', { name: `${label} (niet verplicht)`, exact: true });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' });

test.describe('campaigns and organisations', () => {
	// Two screenshots per page and axe on each: slower than most specs on a busy machine.
	test.describe.configure({ timeout: 180_000 });
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('a coordinator creates a campaign and finds it in the edition form', async ({ page, checkA11y }, testInfo) => {
		const name = `Regenboogweek ${unique()}`;
		await nav(page).getByRole('link', { name: 'Campagnes' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Campagnes' })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'campaigns');

		await page.getByRole('link', { name: 'Nieuwe campagne' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe campagne' })).toBeVisible();
		await checkA11y();
		await page.getByLabel('Naam van de campagne').fill(name);
		await optional(page, 'Website').fill('niet-een-adres');
		await optional(page, 'Kleur').fill('#ffee00');
		await page.getByRole('button', { name: 'Campagne aanmaken' }).click();
		// At the field and in the error summary above the form.
		await expect(page.getByText('Geef een webadres dat begint met https:// of http://')).toHaveCount(2);
		await expect(page.getByText('Deze kleur is te licht')).toHaveCount(2);
		await checkA11y();
		await screenshots(page, testInfo, 'campaign-new-errors');

		await optional(page, 'Website').fill('https://www.example.org/regenboog');
		await optional(page, 'Kleur').fill('#1a4d2e');
		await page.getByLabel('Beschrijving (Nederlands)').fill('Een week over diversiteit op school.');
		await page.getByRole('button', { name: 'Campagne aanmaken' }).click();
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('De campagne is aangemaakt. Je kunt er nu een editie voor aanmaken.');
		await expect(page.getByText('Deze campagne heeft nog geen editie.')).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'campaign-detail');

		// A second campaign with the same name (other case) is refused on the name field.
		await page.goto('/coordinator/campaigns/new');
		await page.getByLabel('Naam van de campagne').fill(name.toUpperCase());
		await page.getByRole('button', { name: 'Campagne aanmaken' }).click();
		await expect(page.getByText('Er bestaat al een campagne met deze naam.').first()).toBeVisible();

		await page.goto('/coordinator/editions/new');
		await expect(page.getByLabel('Campagne').getByRole('option', { name })).toHaveCount(1);
	});

	test('a coordinator creates an organisation and invites a trainer into it', async ({ page, checkA11y }, testInfo) => {
		const name = `Jongerenwerking ${unique()}`;
		const email = uniqueEmail('trainer');
		await nav(page).getByRole('link', { name: 'Organisaties' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Wel Jong' })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'organisations');

		await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
		await checkA11y();
		await page.getByLabel('Naam van de organisatie').fill(name);
		await optional(page, 'Contactpersoon').fill('An Claes');
		await optional(page, 'E-mailadres van de contactpersoon').fill('an@example.org');
		await optional(page, 'Website').fill('https://example.org');
		await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		await expect(page.getByText('Deze organisatie heeft nog geen trainers.')).toBeVisible();
		await checkA11y();

		await page.getByLabel('Naam', { exact: true }).fill('Robin Trainer');
		await page.getByLabel('E-mailadres', { exact: true }).fill(email);
		await page.getByRole('button', { name: 'Trainer uitnodigen' }).click();
		await expect(page.getByRole('status')).toContainText(`${email} is uitgenodigd.`);
		const row = page.getByRole('row').filter({ hasText: 'Robin Trainer' });
		await expect(row).toContainText('Uitgenodigd');
		await row.getByRole('button', { name: 'Planner maken: Robin Trainer' }).click();
		await expect(row.getByRole('button', { name: 'Geen planner meer: Robin Trainer' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Robin Trainer is nu planner');
		await checkA11y();
		await screenshots(page, testInfo, 'organisation-detail');

		await nav(page).getByRole('link', { name: 'Mails' }).click();
		await expect(page.getByRole('row').filter({ hasText: email }).first()).toContainText('Je bent uitgenodigd');
	});
});
