import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo } from './support/people';
import { read } from './support/read-db';

/**
 * After a workshop the trainer says it was given (issue 5). The demo seed leaves
 * one past workshop of the demo trainer unreported (the last school day before
 * today, at Campus Stationsplein); the trainer finds it under "Nog te
 * rapporteren" and reports it; the form's bad input is covered by the
 * integration tests (the browser's own number limits stop it here first).
 */
const outcomeOf = (slotId: number) =>
	read(
		(db) =>
			db.prepare('select outcome, pupils_present as pupils, duration_minutes as minutes from workshop_slots where id = ?').get(slotId) as {
				outcome: string | null;
				pupils: number | null;
				minutes: number | null;
			}
	);

test('a trainer reports a past workshop as given and it leaves the list of workshops to report', async ({ page, checkA11y }) => {
	await loginAs(page, demo.trainer.email);
	await page.goto('/trainer/workshops');
	const toReport = page.getByRole('list', { name: 'Nog te rapporteren' });
	await expect(toReport.getByRole('listitem')).toHaveCount(1);
	await toReport.getByRole('link').first().click();
	await expect(page).toHaveURL(/\/trainer\/workshops\/\d+$/);
	const slotId = Number(new URL(page.url()).pathname.split('/').pop());
	await expect(page.getByRole('heading', { level: 2, name: 'Rapporteren' })).toBeVisible();
	await checkA11y();

	const given = page.getByRole('form', { name: 'De workshop is gegeven' });
	expect(outcomeOf(slotId).outcome).toBeNull();
	await given.getByLabel('Aantal aanwezige leerlingen').fill('18');
	await given.getByLabel('Duur in minuten').fill('50');
	await given.getByRole('button', { name: 'Gegeven: opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Bedankt, je rapport is opgeslagen.');
	await expect(page.getByText('Gerapporteerd: gegeven, 18 leerlingen aanwezig, 50 minuten.')).toBeVisible();
	expect(outcomeOf(slotId)).toEqual({ outcome: 'given', pupils: 18, minutes: 50 });
	await checkA11y();

	// Nothing is left to report.
	await page.goto('/trainer/workshops');
	await expect(page.getByRole('list', { name: 'Nog te rapporteren' })).toHaveCount(0);
});
