import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { read } from './support/read-db';

const upcomingEditionId = () =>
	read((db) => (db.prepare(`select id from editions where status != 'archived' order by year desc limit 1`).get() as { id: number }).id);

test.describe('bulk certificates for a coordinator', () => {
	test('downloads every class certificate of the edition as one PDF and as a ZIP', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'coordinator@example.org');
		const id = upcomingEditionId();
		await page.goto(`/coordinator/editions/${id}/certificates`);
		await expect(page.getByRole('heading', { level: 2, name: 'Alle klasattesten' })).toBeVisible();
		await checkA11y();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('bulk-390.png'), fullPage: true });

		const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Alle attesten als één pdf (Nederlands)' }).click()]);
		expect(pdf.suggestedFilename()).toMatch(/^Attesten .+\.pdf$/);
		const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' });
		expect(text).toMatch(/Klas \S+/);

		const [zip] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Alle attesten als zip, één pdf per klas (Engels)' }).click()
		]);
		expect(zip.suggestedFilename()).toMatch(/\.zip$/);
		const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(await zip.path()))));
		expect(entries.length).toBeGreaterThan(0);
		for (const name of entries) expect(name).toMatch(/^[^/\\]+ - [^/\\]+\.pdf$/);
	});
});
