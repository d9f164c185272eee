import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { loginAs, logout } from './support/pages';
import { demo, unique } from './support/people';
import { campusId, campusInviteCode } from './support/db';
import { read } from './support/read-db';

/**
 * Reaching the schools (issue 12, point 6): the coordinator previews and sends
 * the invitation to enrol for the upcoming edition, reads one in the outbox, and
 * the mail's registration link opens the register form with the code filled in.
 * Campus codes are exported and printed.
 */
const formatted = (code: string) => code.match(/.{4}/g)!.join('-');

async function screenshots(page: import('@playwright/test').Page, testInfo: import('@playwright/test').TestInfo, name: string) {
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, 'nothing sticks out sideways on a phone').toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('a coordinator invites the schools once, and a contact registers from the mailed link', async ({ page, checkA11y }, testInfo) => {
	// A long walk (a campus edited, two rounds of axe and four full-page screenshots): more than the default minute on a busy machine.
	test.setTimeout(180_000);
	const edition = upcomingEdition();
	const contact = `contact.${unique()}@example.org`;
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}`);
	await page.getByRole('link', { name: 'Scholen uitnodigen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Scholen uitnodigen voor ${edition.name}` })).toBeVisible();
	await expect(page.getByTestId('last-sent')).toHaveText('De uitnodiging is nog niet verstuurd.');

	// Campuses without a contact address are listed to fix. Other specs may have added
	// campuses (and contacts) to the shared database, so counts are taken relative to now.
	const counts = page.getByTestId('recipient-counts');
	const number = async (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(await counts.innerText())![1]);
	const contactsBefore = await number('Campussen met een contactadres');
	const missing = page.locator('summary').filter({ hasText: 'Campussen zonder contactadres' });
	await expect(missing).toBeVisible();
	const centrum = campusId('Campus Centrum');
	await missing.click();
	await expect(page.locator('details.missing a').first()).toBeVisible();
	await page.goto(`/coordinator/campuses/${centrum}`);
	await page.getByLabel('E-mailadres').fill(contact);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
	await page.goto(`/coordinator/editions/${edition.id}/invitations`);

	await expect(counts).toContainText(`Campussen met een contactadres: ${contactsBefore + 1}`);
	const total = await number('Ontvangers in totaal');
	expect(total).toBeGreaterThanOrEqual(1);
	const code = campusInviteCode('Campus Centrum');
	const nl = page.getByTestId('preview-nl');
	await expect(nl).toContainText(`Schrijf je klassen in voor ${edition.name} · Stad Kortrijk`);
	await expect(nl).toContainText(/campuscode \w{4}-\w{4}/);
	await expect(nl).toContainText('/register?code=');
	await expect(page.getByTestId('preview-en')).toContainText(`Enrol your classes for ${edition.name} · City of Kortrijk`);
	// Last year's teachers are a choice; ticking it counts them in.
	await page.getByLabel(/Ook de leerkrachten van PAARS \d{4} uitnodigen/).check();
	await page.getByRole('button', { name: 'Aantallen bijwerken' }).click();
	await expect.poll(() => number('Ontvangers in totaal'), "last year's teachers are counted in").toBeGreaterThan(total);
	await page.getByLabel(/Ook de leerkrachten van PAARS \d{4} uitnodigen/).uncheck();
	await page.getByRole('button', { name: 'Aantallen bijwerken' }).click();
	await expect(counts).toContainText(`Ontvangers in totaal: ${total}`);
	await checkA11y();
	await screenshots(page, testInfo, 'invitations');

	await page.getByRole('button', { name: `Uitnodiging versturen (ontvangers: ${total})` }).dblclick();
	await expect(page.getByText(`Uitnodigingen klaargezet in de uitgaande mail: ${total}.`)).toBeVisible();
	await expect(page.getByTestId('last-sent')).toContainText(`Uitnodigingen voor deze editie in totaal: ${total}.`);
	await expect(page.getByText('Iedereen kreeg de uitnodiging al.')).toBeVisible();
	await checkA11y();
	await screenshots(page, testInfo, 'invitations-sent');
	const queued = read(
		(db) => (db.prepare("select count(*) as n from mail_outbox where template = 'school_invitation' and recipient = ?").get(contact) as { n: number }).n
	);
	expect(queued, 'a double click queues one mail').toBe(1);

	await page.goto('/coordinator/outbox');
	await page.getByRole('row').filter({ hasText: contact }).getByRole('link').first().click();
	const text = page.locator('pre.mail-text');
	await expect(text).toContainText(`Sint-Maartenscollege – Campus Centrum: campuscode ${formatted(code)}`);
	const link = (await text.innerText()).match(/https?:\/\/\S+\/register\?code=\w+/)![0];
	await logout(page);
	await page.goto(link);
	await expect(page.getByLabel('Campuscode', { exact: true })).toHaveValue(code);
});

test('campus codes are exported and printed with a QR code per campus', async ({ page, checkA11y }, testInfo) => {
	test.setTimeout(120_000);
	await loginAs(page, demo.coordinator.email);
	await page.goto('/coordinator/campuses');
	await checkA11y();
	await screenshots(page, testInfo, 'campuses');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Campuscodes exporteren (CSV)' }).click();
	const csv = readFileSync(await (await downloading).path(), 'utf8');
	const code = campusInviteCode('Campus Centrum');
	expect(csv.startsWith('\uFEFFSchool;Instellingsnummer;Campus;')).toBe(true);
	expect(csv).toContain(`;${formatted(code)};`);
	const pdf = await page.request.get('/coordinator/campuses/codes/pdf');
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const path = testInfo.outputPath('campus-codes.pdf');
	writeFileSync(path, await pdf.body());
	expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(formatted(code));
	execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, testInfo.outputPath('campus-codes')]);

	// Last year's (archived) edition cannot be sent invitations: the page says why and offers no button.
	const archived = read((db) => (db.prepare("select id from editions where status = 'archived' order by year desc limit 1").get() as { id: number }).id);
	await page.goto(`/coordinator/editions/${archived}/invitations`);
	await expect(page.getByTestId('refusal')).toHaveText('Deze editie is gearchiveerd: je kunt er geen scholen meer voor uitnodigen.');
	await expect(page.getByRole('button', { name: /Uitnodiging versturen/ })).toHaveCount(0);

	await logout(page);
	await loginAs(page, demo.teacher.email);
	expect((await page.request.get('/coordinator/campuses/codes/csv')).status()).toBe(403);
});
