import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures';
import { openAnyDb } from './support/any-db';
import { loginAs } from './support/pages';
import { demo } from './support/people';

/**
 * What teachers said (issue 19.4): teachers of the demo's archived edition
 * evaluated their classes' workshops, two of them sharing their remark; the
 * coordinator reads the section of the council report, on a desk and on a phone.
 * The figures are checked by the integration tests; here: what a coordinator sees.
 */
const url = `sqlite:${path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.e2e', 'app.sqlite')}`;
const at = '2026-05-20 10:00:00.000';

/** The demo's archived edition: the one with the most classes (other specs archive small editions of their own, some of a later year). */
async function evaluations(): Promise<{ id: number; name: string }> {
	const db = await openAnyDb(url);
	try {
		const edition = await db.get<{ id: number; name: string; campaign_id: number }>(
			"select id, name, campaign_id from editions e where status = 'archived' order by (select count(*) from classes c where c.edition_id = e.id) desc, year desc limit 1"
		);
		if (!edition) throw new Error('the demo has no archived edition');
		const questions = async () =>
			db.all<{ id: number }>("select id from campaign_questions where campaign_id = ? and audience = 'teacher' and active = 1 order by position, id", [
				edition.campaign_id
			]);
		if ((await questions()).length === 0)
			for (const [i, nl, en] of [
				[1, 'Sloot de workshop aan bij je klas?', 'Did the workshop suit your class?'],
				[2, 'Zou je hem aanraden?', 'Would you recommend it?']
			] as const)
				await db.run(
					"insert into campaign_questions (campaign_id, audience, kind, position, text_nl, text_en, active, created_at, updated_at) values (?, 'teacher', 'scale', ?, ?, ?, 1, ?, ?)",
					[edition.campaign_id, i, nl, en, at, at]
				);
		const asked = await questions();
		const classes = await db.all<{ id: number; enrolled_by: number }>(
			'select id, enrolled_by from classes where edition_id = ? and id not in (select class_id from class_evaluations) order by id limit 6',
			[edition.id]
		);
		expect(classes.length, 'the archived edition has classes enough to evaluate').toBeGreaterThanOrEqual(5);
		const remarks = ['De leerlingen praten er nog over.', 'Graag een langere workshop.', 'Niet delen: klas 5B was onrustig.'];
		for (const [i, c] of classes.entries()) {
			await db.run(
				'insert into class_evaluations (class_id, answered_by, remark, share_name, share_remark, submitted_at, updated_at) values (?, ?, ?, 0, ?, ?, ?)',
				[c.id, c.enrolled_by, remarks[i] ?? null, i < 2 ? 1 : 0, at, at]
			);
			const evaluation = await db.get<{ id: number }>('select id from class_evaluations where class_id = ?', [c.id]);
			for (const q of asked)
				await db.run('insert into class_evaluation_scores (evaluation_id, question_id, score) values (?, ?, ?)', [evaluation!.id, q.id, 3 + (i % 3)]);
		}
		await db.run('delete from settings where key = ?', ['pupil_min_group']);
		await db.run('insert into settings (key, value, value_nl, value_en, updated_at, updated_by) values (?, ?, null, null, ?, null)', [
			'pupil_min_group',
			'5',
			at
		]);
		return { id: edition.id, name: edition.name };
	} finally {
		await db.close();
	}
}

test('a coordinator reads what teachers said in the council report, on a desk and on a phone', async ({ page, checkA11y }, testInfo) => {
	const edition = await evaluations();
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/report`);
	await expect(page.getByRole('heading', { level: 2, name: 'Wat de workshops veranderden' })).toBeVisible();
	const section = page.getByTestId('impact-teachers');
	await expect(section.getByRole('heading', { level: 3, name: 'Wat leerkrachten zeiden' })).toBeVisible();
	await expect(section).toContainText('klassen met een gegeven workshop');
	await expect(page.getByTestId('impact-rule')).toContainText('Cijfers alleen voor groepen van minstens 5 antwoorden.');
	// The shared remarks as quotations, without a name; the one not shared stays out.
	const remarks = page.getByTestId('impact-remarks');
	await expect(remarks.getByRole('listitem')).toHaveCount(2);
	await expect(remarks).toContainText('De leerlingen praten er nog over.');
	await expect(page.getByText('Niet delen: klas 5B was onrustig.')).toHaveCount(0);
	const table = section.getByRole('region', { name: 'tabel met de evaluaties van de leerkrachten' });
	await section.locator('summary').click();
	await expect(table.getByRole('row', { name: /Sloot de workshop aan bij je klas\?/ })).toBeVisible();
	await checkA11y();
	await section.screenshot({ path: testInfo.outputPath('impact-1280.png') });

	await page.setViewportSize({ width: 390, height: 844 });
	await checkA11y();
	await section.screenshot({ path: testInfo.outputPath('impact-390.png') });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'nothing sticks out sideways on a phone').toBeLessThanOrEqual(0);

	// The same section in the CSV download.
	const csv = await page.request.get(`/coordinator/editions/${edition.id}/report/teacher-evaluations.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Cijfers alleen voor groepen van minstens 5 antwoorden.');
});

test('the dashboard shows how many evaluations were answered, and links to the report section', async ({ page }) => {
	await loginAs(page, demo.coordinator.email);
	await page.goto('/coordinator');
	const line = page.getByTestId('dashboard-evaluations');
	await expect(line).toContainText(/^Evaluaties: \d+ beantwoord/);
	await expect(line.getByRole('link', { name: 'Evaluaties in het verslag' })).toHaveAttribute('href', /\/report#impact-teachers$/);
});

// Back as the demo had it for the specs that follow: its questions no longer asked (they were answered:
// never deleted), the smallest group back at its default.
test.afterAll(async () => {
	const db = await openAnyDb(url);
	try {
		await db.run("update campaign_questions set active = null where audience = 'teacher'");
		await db.run('delete from settings where key = ?', ['pupil_min_group']);
	} finally {
		await db.close();
	}
});
