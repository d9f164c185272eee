import { expect, test } from './support/fixtures';
import { retirePupilQuestions, seedPupilAnswers } from './support/impact-db';
import { readCsv } from './support/overview';
import { loginAs, logout } from './support/pages';
import { demo } from './support/people';

/**
 * Issue 19.3: the coordinator's impact page shows the pupils' answers of an
 * edition per split, with "too few answers" for a group below the minimum, and
 * the same in its CSV; a trainer sees only their own classes' figures; a teacher
 * gets neither page nor file. The answers are seeded by support/impact-db.ts:
 * 1A Centrum 12 × 4 (Robin), 2A Centrum 3 × 1 (Noor), 1A Stationsplein 11 × 2.
 */
test.describe.configure({ mode: 'serial' });

let seeded: ReturnType<typeof seedPupilAnswers>;
test.beforeAll(() => {
	seeded = seedPupilAnswers();
});
test.afterAll(() => retirePupilQuestions());

test('a coordinator reads the pupils’ figures per split, a small group as "too few answers", on a desk and a phone', async ({ page, checkA11y }, testInfo) => {
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${seeded.editionId}`);
	await page.getByRole('link', { name: 'Impact bij leerlingen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Impact bij leerlingen: ${seeded.editionName}`);
	await expect(page.getByTestId('rule')).toContainText(
		'Cijfers alleen voor groepen van minstens 10 antwoorden; een vragenlijst telt pas mee als ze gesloten is.'
	);

	// The whole edition: 12 + 11 answers; 2A's 3 answers count nowhere.
	const first = page.getByRole('table', { name: 'Ik weet waar ik hulp kan vragen. (hele editie)' });
	await expect(first.getByRole('row', { name: seeded.editionName })).toContainText('3,04');
	await expect(first.getByRole('row', { name: seeded.editionName }).getByRole('cell').nth(1)).toHaveText('23');

	// Per trainer, with the form as a plain GET: Noor's only class has too few answers.
	await page.getByRole('group', { name: 'Indeling' }).getByLabel('Per trainer').check();
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/split=trainer/);
	const perTrainer = page.getByRole('table', { name: 'Ik weet waar ik hulp kan vragen. (per trainer)' });
	await expect(perTrainer.getByRole('row', { name: /Noor De Smet/ })).toContainText('te weinig antwoorden');
	await expect(
		perTrainer
			.getByRole('row', { name: /Robin Claeys/ })
			.getByRole('cell')
			.nth(1)
	).toHaveText('12');
	await checkA11y();
	await page.screenshot({ path: testInfo.outputPath('impact-trainer-1280.png'), fullPage: true });

	await page.goto(`/coordinator/editions/${seeded.editionId}/impact?split=campus`);
	const perCampus = page.getByRole('table', { name: 'Ik weet waar ik hulp kan vragen. (per campus)' });
	await expect(
		perCampus
			.getByRole('row', { name: /Campus Centrum/ })
			.getByRole('cell')
			.nth(1)
	).toHaveText('12');
	await page.setViewportSize({ width: 390, height: 844 });
	await checkA11y();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(390);
	await page.screenshot({ path: testInfo.outputPath('impact-campus-390.png'), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });

	// The CSV of the split: Centrum's 12 answers, never 15 (with 2A's 3), never a count of 1s.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Cijfers per campus als CSV' }).click();
	const { rows } = await readCsv(await downloading);
	expect(rows[0]).toEqual(['Campus', 'Vraag', 'Moment', 'Antwoorden', 'Gemiddelde', '1', '2', '3', '4', '5']);
	// Groups come in the order of their school's name; the campus is what tells them apart here.
	expect(
		rows
			.slice(1)
			.map((r) => [r[0].split(' – ')[1], r[3], r[4], r[5]])
			.sort((a, b) => a[0].localeCompare(b[0]))
	).toEqual([
		['Campus Centrum', '12', '4', '0'],
		['Campus Centrum', '12', '4', '0'],
		['Campus Stationsplein', '11', '2', '0'],
		['Campus Stationsplein', '11', '2', '0']
	]);

	// An edition without closed questionnaires says so.
	await page.goto(`/coordinator/editions/${seeded.upcomingId}/impact`);
	await expect(page.getByText('Nog geen antwoorden om te tonen in deze indeling.')).toBeVisible();
	await checkA11y();
});

test('a trainer sees their own classes’ figures only; a teacher gets neither the page nor the file', async ({ page, checkA11y }, testInfo) => {
	await loginAs(page, demo.trainer.email);
	const section = page.getByRole('region', { name: 'Wat leerlingen antwoordden' });
	const table = section.getByRole('table', { name: `Jouw klassen in ${seeded.editionName}` });
	await expect(table.getByRole('row', { name: /Ik weet waar ik hulp kan vragen/ })).toContainText('gemiddeld 4,0 · 12 antwoorden');
	await expect(section).not.toContainText('Stationsplein');
	await expect(section).not.toContainText('23');
	await checkA11y();
	await page.setViewportSize({ width: 390, height: 844 });
	await checkA11y();
	await section.screenshot({ path: testInfo.outputPath('impact-own-trainer-390.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	expect((await page.request.get(`/coordinator/editions/${seeded.editionId}/impact`)).status()).toBe(403);
	expect((await page.request.get(`/coordinator/editions/${seeded.editionId}/impact/export/csv?split=trainer`)).status()).toBe(403);
	await logout(page);

	await loginAs(page, demo.teacher.email);
	expect((await page.request.get(`/coordinator/editions/${seeded.editionId}/impact?split=campus`)).status()).toBe(403);
	expect((await page.request.get(`/coordinator/editions/${seeded.editionId}/impact/export/xlsx?split=campus`)).status()).toBe(403);
	await logout(page);

	// Noor's only class had too few answers: her section says so, with no figure.
	await loginAs(page, demo.englishTrainer.email);
	await expect(page.getByTestId('pupil-figures-none')).toBeVisible();
});
