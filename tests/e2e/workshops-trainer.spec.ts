import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs, waitForScripts } from './support/pages';
import { demo, unique } from './support/people';
import { read } from './support/read-db';

/**
 * The trainer's side of issue 5: open slots, booking, "my workshops" as a list
 * and a week, and the clear answer a second trainer gets for a slot that was
 * just taken. The slot is made by support/trainer-setup.ts through the real
 * services, with a room name no other test uses.
 */
interface OpenSlot {
	slotId: number;
	localDate: string;
	campusName: string;
	room: string;
}

const setup = (...args: string[]) => execFileSync('npx', ['tsx', 'tests/e2e/support/trainer-setup.ts', ...args], { encoding: 'utf8' });

function createOpenSlot(organisation = 'Wel Jong'): OpenSlot {
	const out = setup('slot', String(upcomingEdition().id), `e2e-${unique()}`, organisation);
	return JSON.parse(out.trim().split('\n').at(-1)!) as OpenSlot;
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Full-page screenshots at 1280 and 390 px; at 390 the page must not scroll sideways. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	expect(await sidewaysScroll(page), `${name} at 390 px`).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
}

const bookedTrainers = (slotId: number) =>
	read(
		(db) =>
			db.prepare('select u.email from slot_trainers st join users u on u.id = st.trainer_id where st.slot_id = ? and st.active = 1').all(slotId) as {
				email: string;
			}[]
	).map((r) => r.email);

test.describe('trainer workshops', () => {
	test('a trainer books an open slot and finds it in My workshops and the week view; a second trainer is told it is taken', async ({
		page,
		openBrowser,
		checkA11y
	}, testInfo) => {
		const slot = createOpenSlot();
		const openList = `/trainer/workshops/open?from=${slot.localDate}&to=${slot.localDate}`;

		// The second trainer (English) has the same list open before the first one books.
		const second = await openBrowser();
		await loginAs(second, demo.englishTrainer.email);
		await second.goto(openList);
		const secondCard = second.getByRole('listitem').filter({ hasText: slot.room });
		await expect(secondCard).toBeVisible();

		await loginAs(page, demo.trainer.email);
		await page.goto(openList);
		await expect(page.getByRole('heading', { level: 1, name: 'Open workshopmomenten' })).toBeVisible();
		const card = page.getByRole('listitem').filter({ hasText: slot.room });
		await expect(card).toContainText(slot.campusName);
		await expect(card).toContainText('10:00–10:50');
		await expect(card).toContainText('1 trainer nodig');
		await expect(card).toContainText('Meld je aan bij het onthaal.');
		await expect(card).toContainText(/leerjaar \w+, \d+ leerlingen/);
		await checkA11y();
		await screenshots(page, testInfo, 'open-slots');

		await card.getByRole('button', { name: 'Ik geef deze workshop' }).click();
		await expect(page).toHaveURL(new RegExp(`/trainer/workshops/${slot.slotId}\\?done=booked$`));
		await expect(page.getByRole('status')).toContainText('jij geeft deze workshop');
		await expect(page.getByText(/Je kan zelf annuleren tot/)).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'slot-detail');

		await page.goto('/trainer/workshops');
		const upcoming = page.getByRole('list', { name: 'Komende workshops' });
		await expect(upcoming.getByRole('listitem').filter({ hasText: slot.room })).toContainText('10:00–10:50');
		await checkA11y();
		await screenshots(page, testInfo, 'my-workshops');

		await page.goto(`/trainer/workshops?view=week&week=${slot.localDate}`);
		// The innermost list item: the workshop's card inside its day's column.
		const item = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: slot.campusName }) })
			.filter({ hasText: slot.room })
			.last();
		await expect(item).toContainText('10:00–10:50');
		await checkA11y();
		await screenshots(page, testInfo, 'my-week');

		// The second trainer's page still offers the slot: the server says no, clearly, and the list stays.
		await secondCard.getByRole('button', { name: 'I will give this one' }).click();
		await expect(second.getByRole('alert')).toContainText('already taken: another trainer was quicker');
		await expect(second.getByRole('heading', { level: 1, name: 'Open workshop slots' })).toBeVisible();
		await expect(second.getByRole('listitem').filter({ hasText: slot.room })).toHaveCount(0);
		await checkA11y(second);
		await screenshots(second, testInfo, 'open-taken');
		expect(bookedTrainers(slot.slotId)).toEqual([demo.trainer.email]);
	});

	test('the filters of the open slots: open and aligned at desk width, folded on a phone with their count, the first slot on the first screen', async ({
		page,
		checkA11y
	}) => {
		const slot = createOpenSlot();
		await loginAs(page, demo.trainer.email);
		await page.goto(`/trainer/workshops/open?from=${slot.localDate}&to=${slot.localDate}`);
		await waitForScripts(page);
		const summary = page.locator('summary').filter({ hasText: /^Filters/ });
		const filters = page.getByRole('search', { name: 'Filters' });
		await expect(summary).toHaveText('Filters (2 actief)');
		// At desk width the panel is open, its inputs on one line.
		await expect(filters.getByLabel('Vanaf')).toHaveValue(slot.localDate);
		const tops = await filters
			.locator('input:not([type=checkbox]), select')
			.evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().bottom)));
		expect(new Set(tops).size, 'the filter fields line up').toBe(1);
		await checkA11y();

		// On a phone the panel starts folded, still saying two filters are on, and the first slot shows on the first screen.
		await page.setViewportSize({ width: 390, height: 844 });
		await page.reload();
		await waitForScripts(page);
		await expect(summary).toHaveText('Filters (2 actief)');
		await expect(filters).toBeHidden();
		const first = page.getByRole('listitem').filter({ hasText: slot.room });
		const heading = first.getByRole('heading', { level: 2 });
		await expect(heading).toBeInViewport({ ratio: 1 });
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await checkA11y();

		// Unfolded, the filters work as before.
		await summary.click();
		await expect(filters.getByLabel('Tot en met')).toHaveValue(slot.localDate);
		await filters.getByRole('link', { name: 'Filters wissen' }).click();
		await expect(page).toHaveURL(/\/trainer\/workshops\/open$/);
		await expect(summary).toHaveText('Filters');
	});

	test('the open list hides a slot that clashes with the trainer’s workshop; the switch shows it with the reason and no button', async ({
		page,
		checkA11y
	}, testInfo) => {
		const clash = JSON.parse(setup('clash', String(upcomingEdition().id), `e2e-${unique()}`, demo.trainer.email).trim().split('\n').at(-1)!) as OpenSlot & {
			clashId: number;
			clashRoom: string;
		};
		await loginAs(page, demo.trainer.email);
		const day = `from=${clash.localDate}&to=${clash.localDate}`;
		await page.goto(`/trainer/workshops/open?${day}`);
		await expect(page.getByText('Je ziet de momenten die je nu kan nemen')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: clash.clashRoom })).toHaveCount(0);
		await checkA11y();
		await screenshots(page, testInfo, 'open-bookable-only');

		// The switch is a plain GET field of the filters: it works without scripts and the address can be shared.
		const filters = page.getByRole('search', { name: 'Filters' });
		await filters.getByLabel('Toon ook de niet-boekbare').check();
		await filters.getByRole('button', { name: 'Tonen' }).click();
		await expect(page).toHaveURL(/[?&]show=all/);
		await expect(page.locator('summary').filter({ hasText: /^Filters/ })).toHaveText('Filters (3 actief)');
		const card = page.getByRole('listitem').filter({ hasText: clash.clashRoom });
		await expect(card).toContainText('10:20–11:10');
		await expect(card).toContainText('Niet boekbaar voor jou: Valt samen met je workshop om 10:00 in ');
		await expect(card).toContainText(`(${clash.campusName}).`);
		await expect(card.getByRole('button')).toHaveCount(0);
		await expect(card.getByRole('link', { name: 'Alle details' })).toBeVisible();
		await checkA11y();
		await page.setViewportSize({ width: 390, height: 844 });
		await checkA11y();
		await screenshots(page, testInfo, 'open-with-reasons');
	});

	test('a trainer cancels their own booking with a reason; the slot is open again and marked in My workshops', async ({ page, checkA11y }) => {
		const slot = createOpenSlot();
		await loginAs(page, demo.trainer.email);
		await page.goto(`/trainer/workshops/${slot.slotId}`);
		await page.getByRole('button', { name: 'Ik geef deze workshop' }).click();
		await expect(page.getByRole('status')).toContainText('jij geeft deze workshop');

		// Giving a workshop up tells its teachers: the red button first says so, and asks for a reason and a tick.
		await waitForScripts(page);
		await page.locator('summary', { hasText: 'Ik kan deze workshop niet geven' }).click();
		const confirmation = page.getByRole('group', { name: /^Je geeft de workshop van .* dan niet meer/ });
		await expect(confirmation).toBeFocused();
		await expect(confirmation).toContainText('de leerkrachten van de klassen horen dat er een trainer ontbreekt');
		const reason = confirmation.getByLabel('Waarom kan je niet?');
		await expect(reason).toHaveAttribute('required', '');
		await reason.fill('Ziek, sorry');
		await confirmation.getByRole('button', { name: 'Ik kan deze workshop niet geven' }).click();
		const tick = confirmation.getByRole('checkbox', { name: 'Ja, ik geef deze workshop niet' });
		await expect(tick).toHaveAccessibleDescription('Vink aan dat je deze workshop niet geeft: er is niets geannuleerd.');
		expect(bookedTrainers(slot.slotId)).toEqual([demo.trainer.email]);
		await checkA11y();
		await tick.check();
		await confirmation.getByRole('button', { name: 'Ik kan deze workshop niet geven' }).click();
		await expect(page.getByRole('status')).toContainText('Je annulering is genoteerd');
		await expect(page.getByText('Je hebt deze workshop geannuleerd')).toBeVisible();
		await checkA11y();
		expect(bookedTrainers(slot.slotId)).toEqual([]);

		await page.goto('/trainer/workshops');
		await expect(page.getByRole('list', { name: 'Komende workshops' }).getByRole('listitem').filter({ hasText: slot.room })).toContainText(
			'Door jou geannuleerd'
		);
		await page.goto(`/trainer/workshops/open?from=${slot.localDate}&to=${slot.localDate}`);
		await expect(page.getByRole('listitem').filter({ hasText: slot.room })).toBeVisible();
	});

	test('a booked trainer sees whom they meet: the campus contact and the teacher, with mail and phone links; before booking nobody does', async ({
		page,
		checkA11y
	}, testInfo) => {
		const slot = createOpenSlot();
		setup('contact', String(slot.slotId));
		await loginAs(page, demo.trainer.email);
		await page.goto(`/trainer/workshops/${slot.slotId}`);
		// Open to book, but the contacts are only for the trainers who give it.
		await expect(page.getByRole('button', { name: 'Ik geef deze workshop' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Contactpersonen' })).toHaveCount(0);
		await expect(page.getByText('sara.secretariaat@example.org')).toHaveCount(0);

		await page.getByRole('button', { name: 'Ik geef deze workshop' }).click();
		await expect(page.getByRole('status')).toContainText('jij geeft deze workshop');
		const box = page.getByRole('region', { name: 'Contactpersonen' });
		await expect(box.getByRole('heading', { level: 3, name: 'Contactpersoon van de campus' })).toBeVisible();
		await expect(box).toContainText('Sara Vermeulen');
		await expect(box.getByRole('link', { name: 'sara.secretariaat@example.org' })).toHaveAttribute('href', 'mailto:sara.secretariaat@example.org');
		await expect(box.getByRole('link', { name: '+32 56 12 34 56' })).toHaveAttribute('href', 'tel:+3256123456');
		const teacher = box.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^Leerkracht van / }) });
		await expect(teacher).toHaveCount(1);
		await expect(teacher.getByRole('link')).toHaveAttribute('href', /^mailto:[^@]+@[^@]+$/);
		await checkA11y();
		await screenshots(page, testInfo, 'slot-contacts');
		await page.setViewportSize({ width: 390, height: 844 });
		await checkA11y();
	});

	test('the trainer start page counts open slots and links to the workshop pages and the calendar feed', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, demo.trainer.email);
		await expect(page.getByRole('heading', { level: 2, name: 'Je volgende workshops' })).toBeVisible();
		await expect(page.getByRole('link', { name: /open workshopmomenten die je kan nemen/ })).toHaveAttribute('href', '/trainer/workshops/open');
		await expect(page.getByRole('link', { name: /Agenda-abonnement/ })).toHaveAttribute('href', '/trainer/calendar');
		await checkA11y();
		await screenshots(page, testInfo, 'trainer-home');
	});

	test('a slot offered to another organisation is a 404 for a trainer who is not on it', async ({ page }) => {
		const theirs = createOpenSlot('çavaria');
		await loginAs(page, demo.trainer.email);
		expect((await page.goto(`/trainer/workshops/${theirs.slotId}`))?.status()).toBe(404);
		await page.goto(`/trainer/workshops/open?from=${theirs.localDate}&to=${theirs.localDate}`);
		await expect(page.getByRole('listitem').filter({ hasText: theirs.room })).toHaveCount(0);
	});

	test("an organisation's planner assigns a colleague to an open slot and takes them off again", async ({ page, checkA11y }, testInfo) => {
		const slot = createOpenSlot();
		setup('planner', demo.trainer.email, '1');
		try {
			await loginAs(page, demo.trainer.email);
			await page.getByRole('link', { name: 'Planning voor je organisatie' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Planning voor Wel Jong' })).toBeVisible();
			const card = page.getByRole('listitem').filter({ hasText: slot.room });
			await card.getByLabel('Trainer').selectOption({ label: demo.englishTrainer.name });
			await card.getByRole('button', { name: 'Inplannen' }).click();
			await expect(page.getByRole('status')).toContainText('De trainer is ingepland');
			expect(bookedTrainers(slot.slotId)).toEqual([demo.englishTrainer.email]);
			const row = page.getByRole('row').filter({ hasText: slot.room });
			await expect(row).toContainText(demo.englishTrainer.name);
			await checkA11y();
			await screenshots(page, testInfo, 'planner');

			await row.getByRole('textbox').fill('Dubbel ingepland');
			await row.getByRole('button', { name: `Van workshop halen ${demo.englishTrainer.name}` }).click();
			await expect(page.getByRole('status')).toContainText('staat niet meer op deze workshop');
			expect(bookedTrainers(slot.slotId)).toEqual([]);
		} finally {
			setup('planner', demo.trainer.email, '0');
		}
	});

	test('a trainer who is no planner cannot open the planning page', async ({ page }) => {
		await loginAs(page, demo.englishTrainer.email);
		expect((await page.goto('/trainer/workshops/planner'))?.status()).toBe(403);
	});
});
