import { execFileSync } from 'node:child_process';
import type { Download, Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { read } from './support/read-db';

/** The demo's archived edition: Campus Centrum had workshops there, given by Robin (trainer@example.org). */
function archivedEditionName(): string {
	const row = read((db) => db.prepare(`select name from editions where status = 'archived' order by year desc limit 1`).get() as { name: string } | undefined);
	if (!row) throw new Error('No archived edition in the demo');
	return row.name;
}

const pdfTextOf = async (download: Download) => execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
}

test.describe('campus and trainer certificates, dashboard charts', () => {
	test('a teacher downloads the campus certificate of the archived edition', async ({ page, checkA11y }, testInfo) => {
		const edition = archivedEditionName();
		await loginAs(page, 'teacher@example.org');
		await page.goto('/teacher');
		const link = page.getByRole('link', { name: `Campusattest ${edition} in het Engels (PDF)` }).first();
		await expect(link).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'teacher-campus-certificate');
		const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
		const text = await pdfTextOf(pdf);
		expect(text).toContain('Campus Centrum');
		expect(text).toContain(`took part in ${edition}`);
		expect(text).toMatch(/Classes reached: \d+/);
	});

	test('a trainer downloads their trainer certificate', async ({ page, checkA11y }, testInfo) => {
		const edition = archivedEditionName();
		await loginAs(page, 'trainer@example.org');
		await page.goto('/trainer');
		const section = page.getByRole('region', { name: 'Mijn attesten' });
		await expect(section).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'trainer-certificate');
		const [pdf] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('link', { name: `Trainersattest ${edition} in het Nederlands (PDF)` }).click()
		]);
		const text = await pdfTextOf(pdf);
		expect(text).toContain('Robin');
		expect(text).toContain('Wel Jong');
		expect(text).toMatch(/Workshops gegeven: [1-9]/);
	});

	test('the coordinator finds the campus certificates on the campus page', async ({ page, checkA11y }, testInfo) => {
		const edition = archivedEditionName();
		const campus = read((db) => db.prepare(`select id from campuses where name = 'Campus Centrum'`).get() as { id: number });
		await loginAs(page, 'coordinator@example.org');
		await page.goto(`/coordinator/campuses/${campus.id}`);
		const section = page.getByRole('region', { name: 'Campusattesten' });
		await expect(section.getByRole('link', { name: `Campusattest ${edition} in het Nederlands (PDF)` })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'coordinator-campus-certificates');
		const [pdf] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('link', { name: `Campusattest ${edition} in het Nederlands (PDF)` }).click()
		]);
		expect(await pdfTextOf(pdf)).toContain('Campus Centrum');
	});

	test("the coordinator downloads the trainer certificate from a given workshop's page", async ({ page, checkA11y }, testInfo) => {
		const slot = read(
			(db) =>
				db
					.prepare(
						`select s.id, s.edition_id as editionId from workshop_slots s join editions e on e.id = s.edition_id
					 join slot_trainers st on st.slot_id = s.id and st.active = 1 join users u on u.id = st.trainer_id
					 where e.status = 'archived' and s.outcome = 'given' and s.status = 'scheduled' and u.email = 'trainer@example.org' order by s.id limit 1`
					)
					.get() as { id: number; editionId: number }
		);
		await loginAs(page, 'coordinator@example.org');
		await page.goto(`/coordinator/editions/${slot.editionId}/workshops/${slot.id}`);
		const section = page.getByRole('region', { name: 'Attesten' });
		const link = section.getByRole('link', { name: /^Trainersattest van Robin/ });
		await expect(link).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'coordinator-slot-certificates');
		const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(await pdfTextOf(pdf)).toMatch(/Workshops gegeven: [1-9]/);
	});

	test('the coordinator dashboard shows the key figures as charts with their tables folded under them', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'coordinator@example.org');
		await page.goto('/coordinator');
		const section = page.getByRole('region', { name: /^Kerncijfers van / });
		await expect(section).toBeVisible();
		await expect(section.getByRole('heading', { level: 3, name: /^Workshops van / })).toBeVisible();
		const workshops = section.getByRole('table', { name: /^Workshops van / });
		await expect(workshops).toBeHidden();
		await section.locator('summary', { hasText: 'Workshops naar uitkomst, tabel' }).click();
		await expect(workshops.getByRole('row', { name: /Workshops gegeven/ })).toBeVisible();
		await expect(section.getByRole('heading', { level: 3, name: 'Gegeven workshops per organisatie' })).toBeVisible();
		await section.locator('summary', { hasText: 'Gegeven workshops per organisatie, tabel' }).click();
		await expect(section.getByRole('table', { name: 'Gegeven workshops per organisatie' })).toBeVisible();
		await expect(section.getByRole('link', { name: /^Volledig campagnerapport van / })).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'coordinator-dashboard');
	});
});
