import { execFileSync } from 'node:child_process';
import type { Download } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { read } from './support/read-db';

/** The demo's class 1A at Campus Centrum in the archived edition: its workshop was given. */
function archivedClass1A(): number {
	const row = read(
		(db) =>
			db
				.prepare(
					`select c.id from classes c join campuses ca on ca.id = c.campus_id join editions e on e.id = c.edition_id
				 where ca.name = 'Campus Centrum' and c.name = '1A' and e.status = 'archived' order by e.year desc limit 1`
				)
				.get() as { id: number } | undefined
	);
	if (!row) throw new Error('No class 1A of Campus Centrum in the archived edition');
	return row.id;
}

async function pdfTextOf(download: Download): Promise<string> {
	return execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
}

test.describe('certificates for a teacher', () => {
	test('downloads the class certificate and named pupil certificates, then opens the printed verify address', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'teacher@example.org');
		await page.goto(`/teacher/classes/${archivedClass1A()}`);
		const section = page.getByRole('region', { name: 'Attesten' });
		await expect(section).toBeVisible();
		await checkA11y();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('class-certificates-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('class-certificates-390.png'), fullPage: true });

		const [classPdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Klasattest in het Engels (PDF)' }).click()]);
		expect(classPdf.suggestedFilename()).toMatch(/^PAARS-\d{4}-Class-1A\.pdf$/);
		const classText = await pdfTextOf(classPdf);
		expect(classText).toContain('Class 1A');
		expect(classText).toContain('Campus Centrum took part in PAARS');
		// The address carries the code as it is printed, dashes and all.
		const verifyAddress = classText.match(/http:\/\/127\.0\.0\.1:\d+\/verify\/[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
		expect(verifyAddress).toBeTruthy();
		const code = verifyAddress!.split('/').pop()!;
		expect(classText).toContain(code);

		await section.getByLabel('Voornamen van de leerlingen, één per regel').fill('Zoë\n\nŁukasz\n');
		await section.getByLabel('Taal van de attesten').selectOption('nl');
		const [namedPdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Attesten met namen maken (PDF)' }).click()]);
		expect(namedPdf.suggestedFilename()).toMatch(/^PAARS-\d{4}-Klas-1A-namen\.pdf$/);
		const pages = (await pdfTextOf(namedPdf)).split('\f').filter((p) => p.trim());
		expect(pages).toHaveLength(2);
		expect(pages[0]).toContain('Zoë');
		expect(pages[1]).toContain('Łukasz');
		for (const p of pages) expect(p).toContain(code);

		await page.goto(new URL(verifyAddress!).pathname);
		await expect(page.getByRole('status')).toContainText('Dit attest is geldig.');
	});

	test('a name the font cannot print gets the form back with the input and the line', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'teacher@example.org');
		await page.goto(`/teacher/classes/${archivedClass1A()}`);
		const section = page.getByRole('region', { name: 'Attesten' });
		await section.getByLabel('Voornamen van de leerlingen, één per regel').fill('Zoë\n李雷');
		await section.getByRole('button', { name: 'Attesten met namen maken (PDF)' }).click();
		await expect(page.getByRole('alert')).toContainText('De naam op regel 2 bevat tekens die niet afgedrukt kunnen worden.');
		await expect(page.getByLabel('Voornamen van de leerlingen, één per regel')).toHaveValue('Zoë\n李雷');
		await checkA11y();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('names-error-390.png'), fullPage: true });
	});
});
