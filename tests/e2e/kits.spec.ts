import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs, waitForScripts } from './support/pages';
import { read } from './support/read-db';
import { demo } from './support/people';

/**
 * Physical kits (issue 4): a teacher orders, the coordinator approves and prints the
 * packing list. The tests order a "Stickers (e2e)" item (5 per campus) that they add
 * themselves when the catalogue lacks it, so they hold with or without the demo kits.
 * Fien Goethals teaches at Campus Overleie and Campus Heule, both taking part.
 */
const regenboog = 'teacher.regenboog@example.org';
const stickers = 'Stickers (e2e)';

async function ensureStickers(page: Page, checkA11y?: () => Promise<void>): Promise<void> {
	await page.goto(`/coordinator/editions/${upcomingEdition().id}/kits`);
	await expect(page.getByRole('heading', { level: 1, name: /^Campagnepakket/ })).toBeVisible();
	if (checkA11y) await checkA11y();
	if (await page.getByRole('cell', { name: new RegExp(`^${stickers.replace(/[()]/g, '\\$&')}`) }).count()) return;
	const add = page.getByRole('region', { name: 'Artikel toevoegen' });
	await add.getByLabel('Naam (Nederlands)').fill(stickers);
	await add.getByLabel('Naam (Engels)').fill('Stickers (e2e)');
	await add.getByRole('radio', { name: 'Vast aantal per campus' }).check();
	await add.getByLabel('Aantal per campus (bij vast aantal)').fill('5');
	await add.getByRole('button', { name: 'Artikel toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText('Het artikel is toegevoegd.');
	await page.getByText(`${stickers} beheren`).click();
	await page.locator('details[open]').getByLabel('Voorraad toevoegen (aantal)').fill('500');
	await page.locator('details[open]').getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText('De voorraad is aangevuld.');
}

/** The teacher's kit page for one of their campuses. */
async function openKitPage(page: Page, campus: string): Promise<void> {
	await page.goto('/teacher/kit');
	await page.getByLabel('Campus', { exact: true }).selectOption({ label: `${campus} (Basisschool De Regenboog)` });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.getByText(`· ${campus}`)).toBeVisible();
}

/** Orders only the stickers: every other quantity 0. */
async function fillOnlyStickers(page: Page, quantity: string): Promise<void> {
	const form = page.locator('form[action="?/save"]');
	for (const box of await form.getByRole('spinbutton').all()) await box.fill('0');
	await form.getByRole('spinbutton', { name: stickers }).fill(quantity);
}

/**
 * A demo campus with a demo teacher, enrolled classes in the edition and no open kit
 * order: looked up in the e2e database, so the test holds whatever ran before it.
 * Heule and Overleie are left to the other tests here (they order there themselves).
 */
function campusWithoutOpenOrder(editionId: number): { campus: string; campusId: number; teacher: string } {
	const teachers = ['teacher@example.org', 'teacher.trainer@example.org', 'teacher.bellegem@example.org', 'teacher.vlinder@example.org'];
	const row = read(
		(db) =>
			db
				.prepare(
					`select campuses.name as campus, campuses.id as campusId, users.email as teacher from campuses
					 join teacher_campuses on teacher_campuses.campus_id = campuses.id
					 join users on users.id = teacher_campuses.user_id
					 where campuses.active = 1 and users.email in (${teachers.map(() => '?').join(', ')})
					   and exists (select 1 from classes where classes.campus_id = campuses.id and classes.edition_id = ? and classes.status = 'enrolled')
					   and not exists (select 1 from kit_orders where kit_orders.campus_id = campuses.id and kit_orders.edition_id = ? and kit_orders.open = 1)
					 order by campuses.id limit 1`
				)
				.get(...teachers, editionId, editionId) as { campus: string; campusId: number; teacher: string } | undefined
	);
	if (!row) throw new Error('No demo campus with enrolled classes and without an open kit order');
	return row;
}

test.describe('campaign kits', () => {
	test('a teacher orders, the coordinator approves and downloads the packing list', async ({ page, openBrowser, checkA11y }, testInfo) => {
		await loginAs(page, demo.coordinator.email);
		await ensureStickers(page, checkA11y);

		const teacher = await openBrowser();
		await loginAs(teacher, regenboog);
		await openKitPage(teacher, 'Campus Heule');
		await expect(teacher.getByRole('spinbutton', { name: stickers })).toHaveAccessibleDescription(/maximum 5/);
		await expect(teacher.getByLabel('Opmerkingen')).toHaveAccessibleDescription(/Geen namen van leerlingen/);
		await checkA11y(teacher);
		await fillOnlyStickers(teacher, '2');
		await teacher.getByLabel('Afhalen op het stadhuis').check();
		await teacher.getByRole('button', { name: 'Bestelling versturen' }).click();
		await expect(teacher.getByRole('status')).toContainText('Je bestelling is verstuurd');
		await expect(teacher.getByRole('spinbutton', { name: stickers })).toHaveValue('2');

		await page.goto(`/coordinator/editions/${upcomingEdition().id}/orders?status=submitted`);
		await checkA11y();
		await page.getByRole('link', { name: 'Campus Heule' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Campus Heule');
		await expect(page.getByRole('row', { name: new RegExp(`${stickers.replace(/[()]/g, '\\$&')}.*2 5`) })).toBeVisible();
		await checkA11y();
		await page.getByRole('button', { name: 'Goedkeuren' }).click();
		await expect(page.getByRole('status')).toHaveText('De bestelling is goedgekeurd; de voorraad is gereserveerd.');
		await checkA11y();

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Paklijst (PDF)' }).click()]);
		expect(download.suggestedFilename()).toBe('Paklijst Campus Heule.pdf');
		const file = testInfo.outputPath('packing-list.pdf');
		await download.saveAs(file);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').normalize('NFKC');
		expect(text).toContain('Paklijst: Campus Heule');
		expect(text).toContain('Afhalen op het stadhuis');
		expect(text).toMatch(/Stickers \(e2e\)\s+stuk\s+2\b/);

		await teacher.reload();
		await expect(teacher.getByRole('region', { name: /Bestelling \d+ Goedgekeurd/ })).toContainText(`2 × ${stickers}`);
		await expect(teacher.getByRole('heading', { name: 'Aanvullende bestelling' })).toBeVisible();
		await expect(teacher.getByRole('spinbutton', { name: stickers })).toHaveAccessibleDescription(/maximum 3/);
		await checkA11y(teacher);
	});

	test('a quantity above the maximum or below zero is refused with a clear message', async ({ page, openBrowser, checkA11y }) => {
		await loginAs(page, demo.coordinator.email);
		await ensureStickers(page);
		const teacher = await openBrowser();
		await loginAs(teacher, regenboog);
		await openKitPage(teacher, 'Campus Overleie');
		await fillOnlyStickers(teacher, '9');
		await teacher.getByRole('button', { name: /Bestelling (versturen|bijwerken)/ }).click();
		const field = teacher.getByRole('spinbutton', { name: stickers });
		await expect(teacher.getByRole('alert')).toContainText('Voor Stickers (e2e) kan deze campus nog hoogstens 5 bestellen.');
		await expect(field).toHaveAccessibleDescription(/hoogstens 5/);
		await expect(field).toHaveValue('9');
		await checkA11y(teacher);

		// The browser stops −1 (min="0"); a crafted post without that check gets the server's answer.
		await teacher.locator('form[action="?/save"]').evaluate((f: HTMLFormElement) => (f.noValidate = true));
		await field.fill('-1');
		await teacher.getByRole('button', { name: /Bestelling (versturen|bijwerken)/ }).click();
		await expect(field).toHaveAccessibleDescription(/Een aantal kan niet negatief zijn/);
	});

	test('a coordinator orders for a campus; its teacher sees the order', async ({ page, openBrowser, checkA11y }) => {
		const edition = upcomingEdition();
		const { campus, campusId, teacher: teacherEmail } = campusWithoutOpenOrder(edition.id);
		await loginAs(page, demo.coordinator.email);
		await ensureStickers(page);
		await page.goto(`/coordinator/editions/${edition.id}/orders`);
		await page.getByRole('link', { name: 'Bestelling voor een campus' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bestelling voor een campus: ${edition.name}`);
		await checkA11y();
		await page.getByLabel('Zoek een campus').fill(campus);
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await page.getByRole('link', { name: new RegExp(`${campus}$`) }).click();
		await expect(page.getByRole('spinbutton', { name: stickers })).toBeVisible();
		await checkA11y();
		await fillOnlyStickers(page, '1');
		await page.getByRole('button', { name: 'Bestelling versturen' }).click();
		await expect(page).toHaveURL(/\/coordinator\/orders\/\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(campus);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Ingediend');

		const teacher = await openBrowser();
		await loginAs(teacher, teacherEmail);
		await teacher.goto(`/teacher/kit?campus=${campusId}`);
		await expect(teacher.getByText(`· ${campus}`)).toBeVisible();
		await expect(teacher.getByRole('heading', { name: /Ingediend/ })).toBeVisible();
		await expect(teacher.getByRole('spinbutton', { name: stickers })).toHaveValue('1');

		// Cancelling is final: the red button first says what follows; only the ticked confirmation cancels.
		await waitForScripts(page);
		await page.locator('summary', { hasText: 'Bestelling annuleren' }).click();
		const confirmation = page.getByRole('group', { name: new RegExp(`^Bestelling \\d+ voor ${campus} wordt geannuleerd\\.`) });
		await expect(confirmation).toBeFocused();
		await expect(confirmation).toContainText('De gereserveerde voorraad komt terug vrij.');
		await checkA11y();
		await confirmation.getByRole('button', { name: 'Bestelling annuleren' }).click();
		const tick = confirmation.getByRole('checkbox', { name: /^Ja, annuleer bestelling \d+$/ });
		await expect(tick).toHaveAccessibleDescription('Vink aan dat je de bestelling wil annuleren: er is niets geannuleerd.');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Ingediend');
		await tick.check();
		await confirmation.getByRole('button', { name: 'Bestelling annuleren' }).click();
		await expect(page.getByRole('status')).toHaveText('De bestelling is geannuleerd.');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Geannuleerd');
		await expect(page.locator('summary', { hasText: 'Bestelling annuleren' })).toHaveCount(0);
	});
});
