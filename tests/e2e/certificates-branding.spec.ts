import { execFileSync } from 'node:child_process';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { read } from './support/read-db';

const upcomingEditionId = () =>
	read((db) => (db.prepare(`select id from editions where status != 'archived' order by year desc limit 1`).get() as { id: number }).id);

test.describe('certificate design for a coordinator', () => {
	test('sets a title and colour, refuses a bad colour, and previews the certificate', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'coordinator@example.org');
		const id = upcomingEditionId();
		await page.goto(`/coordinator/editions/${id}/certificates`);
		await page.getByRole('link', { name: 'Vormgeving van de attesten' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Vormgeving van de attesten');
		await checkA11y();

		await page.getByLabel('Hoofdkleur').fill('paars');
		await page.getByRole('button', { name: 'Vormgeving bewaren' }).click();
		// At the field and in the error summary above the form.
		await expect(page.getByText('Geef een kleur als # gevolgd door zes tekens')).toHaveCount(2);
		await checkA11y();

		await page.getByLabel('Titel in het Nederlands').fill('Regenboogattest');
		await page.getByLabel('Hoofdkleur').fill('#1d5c96');
		await page.getByRole('button', { name: 'Vormgeving bewaren' }).click();
		await expect(page.getByText('De vormgeving is bewaard.')).toBeVisible();
		await expect(page.getByLabel('Titel in het Nederlands')).toHaveValue('Regenboogattest');
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('branding-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('branding-390.png'), fullPage: true });

		const [preview] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Voorbeeld in het Nederlands (PDF)' }).click()]);
		expect(execFileSync('pdftotext', [await preview.path(), '-'], { encoding: 'utf8' })).toContain('REGENBOOGATTEST');

		// Back to the default look, so other specs see the demo as seeded.
		await page.getByLabel('Titel in het Nederlands').fill('');
		await page.getByLabel('Hoofdkleur').fill('');
		await page.getByRole('button', { name: 'Vormgeving bewaren' }).click();
		await expect(page.getByText('De vormgeving is bewaard.')).toBeVisible();
	});
});
