import { expect, test } from './support/fixtures';
import { readCsv } from './support/overview';
import { loginAs } from './support/pages';
import { read } from './support/read-db';

/**
 * Issue 18 point 2: an organisation's planner (çavaria's in the demo) sees each of
 * its trainers' workshops in the edition and downloads the organisation's own
 * workshops; the figures are checked against the database, and the file holds
 * only workshops one of çavaria's trainers gives.
 */
const planner = 'trainer.cavaria@example.org';

/** The newest published or archived edition in which a çavaria trainer is booked, and its workshops. */
function cavariaWorkshops() {
	return read((db) => {
		const rows = db
			.prepare(
				`select s.id, s.edition_id as editionId, e.name as editionName from workshop_slots s join editions e on e.id = s.edition_id
				 where e.status != 'draft' and exists (select 1 from slot_trainers st join users u on u.id = st.trainer_id join organisations o on o.id = u.organisation_id
				   where st.slot_id = s.id and st.active = 1 and o.name = 'çavaria')
				 order by e.year desc, e.id desc, s.starts_at, s.id`
			)
			.all() as { id: number; editionId: number; editionName: string }[];
		return rows.filter((r) => r.editionId === rows[0]?.editionId);
	});
}

test('a planner sees each trainer’s workshops of the edition and downloads the organisation’s own workshops', async ({ page, checkA11y }, testInfo) => {
	const workshops = cavariaWorkshops();
	// The demo seed books çavaria's trainers (db/seeds/demo-workshop-plan.ts): a planner with nothing to count would prove nothing.
	expect(workshops.length, 'çavaria trainers are booked in the demo').toBeGreaterThan(0);
	const edition = workshops[0].editionName;
	await loginAs(page, planner);
	await page.goto('/trainer/workshops/planner');
	const section = page.getByRole('region', { name: 'Cijfers van çavaria' });
	const table = section.getByRole('table', { name: `Workshops per trainer in ${edition}` });
	await expect(table).toBeVisible();
	// The footer's total is the number of çavaria bookings on workshops that are not cancelled.
	const booked = read(
		(db) =>
			(
				db
					.prepare(
						`select count(*) as n from slot_trainers st join users u on u.id = st.trainer_id join organisations o on o.id = u.organisation_id
						 join workshop_slots s on s.id = st.slot_id where st.active = 1 and o.name = 'çavaria' and s.status = 'scheduled' and s.edition_id = ?`
					)
					.get(workshops[0].editionId) as { n: number }
			).n
	);
	await expect(
		table
			.getByRole('row', { name: /^Samen/ })
			.getByRole('cell')
			.first()
	).toHaveText(String(booked));
	await checkA11y();
	await page.setViewportSize({ width: 390, height: 844 });
	await checkA11y();
	await section.screenshot({ path: testInfo.outputPath('planner-figures-390.png') });
	await page.setViewportSize({ width: 1280, height: 800 });
	await section.screenshot({ path: testInfo.outputPath('planner-figures-1280.png') });

	const downloading = page.waitForEvent('download');
	await section.getByRole('link', { name: `Workshops van ${edition} als CSV` }).click();
	const { rows } = await readCsv(await downloading);
	expect(rows[0].slice(0, 3)).toEqual(['Datum', 'Begin', 'Einde']);
	expect(rows.length - 1).toBe(workshops.length);
	expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0]))).toBe(true);
});

test('a trainer who is no planner gets no organisation file', async ({ page }) => {
	await loginAs(page, 'trainer2@example.org');
	const editionId = read((db) => (db.prepare("select id from editions where status = 'published' order by year desc limit 1").get() as { id: number }).id);
	expect((await page.request.get(`/api/editions/${editionId}/planner-workshops/csv`)).status()).toBe(403);
});
