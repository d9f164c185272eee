import { upcomingEdition } from './support/enrolment-db';
import { expect, test } from './support/fixtures';
import { eventsOf } from './support/ics';
import { loginAs, waitForScripts } from './support/pages';
import { demo } from './support/people';
import { read } from './support/read-db';
import { freeWeekday } from './support/workshop-days';

/**
 * Issue 5 from end to end, through the pages only: the coordinator creates a
 * series of slots for Wel Jong and puts a class of the demo teacher in the first
 * one; the demo trainer books it, finds it in the week view and in their private
 * calendar feed; the teacher sees the trainer on the class page; a second Wel
 * Jong trainer who had the same slot on screen is told it is taken.
 */
const campus = 'Campus Centrum';
const school = 'Sint-Maartenscollege';
const room = 'e2e-flow';

/** An enrolled class of the demo teacher in the edition, at Campus Centrum. */
const teachersClass = (editionId: number) =>
	read(
		(db) =>
			db
				.prepare(
					`select c.id, c.name from classes c join users u on u.id = c.enrolled_by join campuses k on k.id = c.campus_id
					 where u.email = ? and c.edition_id = ? and c.status = 'enrolled' and k.name = ? order by c.id limit 1`
				)
				.get(demo.teacher.email, editionId, campus) as { id: number; name: string }
	);

/** The Monday of a calendar date's week, "YYYY-MM-DD". */
const mondayOf = (date: string) => {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
	return d.toISOString().slice(0, 10);
};

test('a coordinator plans a series, a trainer books one and subscribes to it, the teacher sees the trainer, a second trainer is too late', async ({
	page,
	openBrowser,
	playwright,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const edition = upcomingEdition();
	const day = freeWeekday(edition.id, edition.workshopStartsOn, edition.workshopEndsOn);
	const klass = teachersClass(edition.id);

	// The coordinator: two slots for Wel Jong at Campus Centrum, in one go.
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/workshops/bulk`);
	await waitForScripts(page);
	await page.getByLabel('Campus', { exact: true }).selectOption({ label: `${campus} (${school})` });
	await page.getByLabel('Lokaal').fill(room);
	await page.getByLabel('Datum').fill(day);
	await page.getByLabel('Beginuur van de eerste workshop').fill('09:00');
	await page.getByLabel('Aantal workshops').fill('2');
	await page.getByLabel('Duur van elke workshop (minuten)').fill('50');
	await page.getByLabel('Tijd tussen twee workshops (minuten)').fill('10');
	await page.getByLabel('Aangeboden aan').selectOption({ label: 'Wel Jong' });
	await page.getByRole('button', { name: 'Workshopmomenten aanmaken' }).click();
	await expect(page.getByRole('status')).toHaveText('Nieuwe workshopmomenten aangemaakt: 2.');

	// The first one serves the teacher's class.
	await page.getByRole('row').filter({ hasText: '09:00–09:50' }).getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1, name: /, 09:00–09:50$/ })).toBeVisible();
	const slotId = Number(page.url().split('/').pop());
	await page
		.getByRole('group', { name: 'Ingeschreven klassen van deze campus' })
		.getByRole('checkbox', { name: new RegExp(`^${klass.name}\\b`) })
		.check();
	await page.getByRole('button', { name: 'Klassen bewaren' }).click();
	await expect(page.getByRole('status')).toHaveText('De klassen zijn bewaard.');

	// A second Wel Jong trainer (English) has the open slots of that day on screen.
	const openList = `/trainer/workshops/open?from=${day}&to=${day}`;
	const second = await openBrowser();
	await loginAs(second, demo.englishTrainer.email);
	await second.goto(openList);
	const secondCard = second.getByRole('listitem').filter({ hasText: '09:00–09:50' }).filter({ hasText: room });
	await expect(secondCard).toBeVisible();

	// The demo trainer books it…
	await page.context().clearCookies();
	await loginAs(page, demo.trainer.email);
	await page.goto(openList);
	const card = page.getByRole('listitem').filter({ hasText: '09:00–09:50' }).filter({ hasText: room });
	await expect(card).toContainText(klass.name);
	await card.getByRole('button', { name: 'Ik geef deze workshop' }).click();
	await expect(page).toHaveURL(new RegExp(`/trainer/workshops/${slotId}\\?done=booked$`));

	// …finds it in the week view…
	await page.goto(`/trainer/workshops?view=week&week=${mondayOf(day)}`);
	const item = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: new RegExp(campus) }) })
		.filter({ hasText: '09:00–09:50' })
		.last();
	await expect(item).toBeVisible();
	await checkA11y();

	// …and in the private calendar feed, at the right UTC instant.
	await page.goto('/trainer/calendar');
	await page.getByRole('button', { name: /^(Agenda-adres maken|Nieuw adres maken)$/ }).click();
	const url = await page.getByLabel('Agenda-adres', { exact: true }).inputValue();
	const calendarApp = await playwright.request.newContext();
	const response = await calendarApp.get(url);
	expect(response.status()).toBe(200);
	const event = [...eventsOf(await response.text()).values()].find((e) => e.UID?.startsWith(`workshop-${slotId}@`));
	const startsAt = read((db) => db.prepare('select starts_at as s from workshop_slots where id = ?').get(slotId) as { s: string }).s;
	expect(event?.DTSTART).toBe(startsAt.replace(/[-:]/g, '').replace(' ', 'T').slice(0, 15) + 'Z');
	// That instant is 09:00 on the chosen day in Brussels, whatever the season.
	const local = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(new Date(`${startsAt.replace(' ', 'T')}Z`));
	expect(local).toBe(`${day}, 09:00`);
	expect(event?.STATUS).toBe('CONFIRMED');
	expect(event?.LOCATION).toContain(room);
	await calendarApp.dispose();

	// The teacher sees who comes: first name and organisation only.
	await page.context().clearCookies();
	await loginAs(page, demo.teacher.email);
	await page.goto(`/teacher/classes/${klass.id}`);
	const workshop = page.getByRole('region', { name: 'Workshop' }).locator('.workshop').filter({ hasText: '09:00–09:50' });
	await expect(workshop).toContainText('Trainer: Robin (Wel Jong)');
	await checkA11y();

	// The second trainer presses the button on the now full slot and is told so.
	await secondCard.getByRole('button', { name: 'I will give this one' }).click();
	await expect(second.getByRole('alert')).toContainText('already taken: another trainer was quicker');
	const booked = read((db) => db.prepare('select count(*) as n from slot_trainers where slot_id = ? and active = 1').get(slotId) as { n: number });
	expect(booked.n).toBe(1);
});
