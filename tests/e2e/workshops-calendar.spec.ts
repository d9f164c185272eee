import { execFileSync } from 'node:child_process';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs } from './support/pages';
import { eventsOf } from './support/ics';
import { demo } from './support/people';

/**
 * Calendar feeds and the teacher's view (issue 5). The booking itself is made
 * through the workshop services by support/calendar-setup.ts, so these tests hold
 * whatever the demo seed plans: the demo trainer (Robin Claeys, Wel Jong) gives a
 * new 15:00 workshop to a class of the demo teacher.
 */
interface Booking {
	slotId: number;
	classId: number;
	className: string;
	localDate: string;
	startsAt: string;
}

let booking: Booking;

test.beforeAll(() => {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/support/calendar-setup.ts', String(upcomingEdition().id)], { encoding: 'utf8' });
	booking = JSON.parse(out.trim().split('\n').at(-1)!) as Booking;
});

/** Fetches a feed with no cookies at all, as a calendar app does. */
async function fetchFeed(request: APIRequestContext, url: string) {
	const response = await request.get(url);
	return { status: response.status(), type: response.headers()['content-type'], text: await response.text() };
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });
}

/** Creates (or replaces) the feed on the page and returns the address shown once. */
async function newFeedAddress(page: Page): Promise<string> {
	await page.getByRole('button', { name: /^(Agenda-adres maken|Nieuw adres maken)$/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Je nieuwe agenda-adres' })).toBeVisible();
	const url = await page.getByLabel('Agenda-adres', { exact: true }).inputValue();
	expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
	await expect(page.getByRole('link', { name: 'Openen in mijn agenda-app' })).toHaveAttribute('href', url.replace(/^http:/, 'webcal:'));
	return url;
}

test.describe('calendar feeds', () => {
	test('a trainer subscribes to their private feed and finds the workshop they give; a new address stops the old one', async ({
		page,
		playwright,
		checkA11y
	}, testInfo) => {
		await loginAs(page, demo.trainer.email);
		await page.goto('/trainer/calendar');
		await expect(page.getByRole('heading', { level: 1, name: 'Agenda-abonnement' })).toBeVisible();
		await expect(page.getByText('om de paar uur')).toBeVisible();
		await checkA11y();
		const url = await newFeedAddress(page);
		await expect(page.getByText('je ziet dit adres maar één keer')).toBeVisible();
		await page.getByRole('button', { name: 'Kopiëren' }).click();
		await expect(page.getByText('Het adres is gekopieerd.')).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'trainer-calendar');

		const anonymous = await playwright.request.newContext();
		const feed = await fetchFeed(anonymous, url);
		expect(feed.status).toBe(200);
		expect(feed.type).toBe('text/calendar; charset=utf-8');
		const event = eventsOf(feed.text).get(`workshop-${booking.slotId}@127.0.0.1`);
		expect(event, 'the booked slot is in the feed').toBeDefined();
		const start = new Date(booking.startsAt.replace(' ', 'T') + 'Z');
		expect(event).toMatchObject({
			STATUS: 'CONFIRMED',
			DTSTART: start
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, '')
		});
		expect(event!.SUMMARY).toContain(booking.className);
		expect(event!.LOCATION).toContain('Lokaal e2e');

		// After a reload the address is not shown again; a new one replaces it.
		await page.reload();
		await expect(page.getByText(/Je huidige agenda-adres werd gemaakt op/)).toBeVisible();
		await expect(page.getByLabel('Agenda-adres', { exact: true })).toHaveCount(0);
		const replaced = await newFeedAddress(page);
		expect(replaced).not.toBe(url);
		const old = await fetchFeed(anonymous, url);
		const never = await fetchFeed(anonymous, url.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${'x'.repeat(43)}.ics`));
		expect([old.status, never.status]).toEqual([404, 404]);
		expect(old.text).toBe(never.text);
		expect((await fetchFeed(anonymous, replaced)).status).toBe(200);
		await anonymous.dispose();
	});

	test('a coordinator subscribes to every workshop of an edition', async ({ page, request, checkA11y }, testInfo) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.coordinator.email);
		await page.goto(`/coordinator/editions/${edition.id}`);
		await page.getByRole('link', { name: 'Agenda-abonnement' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Agenda-abonnement: ${edition.name}` })).toBeVisible();
		await checkA11y();
		const url = await newFeedAddress(page);
		await checkA11y();
		await screenshots(page, testInfo, 'coordinator-calendar');
		const feed = await fetchFeed(request, url);
		const event = eventsOf(feed.text).get(`workshop-${booking.slotId}@127.0.0.1`);
		expect(event?.DESCRIPTION).toContain('Trainers: Robin (Wel Jong)');
		expect(event?.DESCRIPTION).toContain(`/coordinator/editions/${edition.id}/workshops/${booking.slotId}`);
	});

	test("the teacher sees the class's workshop with the trainer's first name and organisation only", async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, demo.teacher.email);
		await page.goto(`/teacher/classes/${booking.classId}`);
		const section = page.getByRole('region', { name: 'Workshop' });
		const mine = section.locator('.workshop').filter({ hasText: '15:00–15:50' });
		await expect(mine).toContainText('Lokaal e2e');
		await expect(mine).toContainText('Trainer: Robin (Wel Jong)');
		await expect(section).not.toContainText('Claeys');
		await expect(section).not.toContainText('@');
		await checkA11y();
		await screenshots(page, testInfo, 'teacher-class');

		await page.goto('/teacher');
		const row = page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: new RegExp(booking.className) }) })
			.first();
		await expect(row).toContainText('Robin (Wel Jong)');
		await checkA11y();
		await screenshots(page, testInfo, 'teacher-home');
	});
});
