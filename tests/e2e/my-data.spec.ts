import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { enrolAsTeacher, registerTeacherAt, uniqueClassName } from './support/enrolment';
import { upcomingEdition } from './support/enrolment-db';
import { LoginPage, loginAs, waitForScripts } from './support/pages';
import { demo } from './support/people';
import { read } from './support/read-db';

/**
 * A person's own data (issue 13): download it from "Mijn account", ask for the
 * account to be deleted (and withdraw), and a coordinator carries it out; the
 * class the teacher enrolled stays with the campus.
 */

const deletionMails = (email: string) =>
	read(
		(db) => db.prepare("select subject from mail_outbox where recipient = ? and template = 'data_deletion' order by id").all(email) as { subject: string }[]
	).map((r) => r.subject);

const classRow = (name: string) =>
	read((db) =>
		db
			.prepare(
				'select c.id, c.status, c.enrolled_by as enrolledBy, u.display_name as owner from classes c join users u on u.id = c.enrolled_by where c.name = ?'
			)
			.get(name)
	) as { id: number; status: string; enrolledBy: number; owner: string } | undefined;

async function shoot(page: Page, name: string, outputPath: (name: string) => string) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage: true });
		// Nothing on the page itself scrolls sideways (wide tables scroll in their own box).
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} at ${width}px`).toBeLessThanOrEqual(
			0
		);
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test('a teacher downloads their data and asks for deletion; a coordinator carries it out and the class stays', async ({
	page,
	openBrowser,
	checkA11y
}, testInfo) => {
	const account = await registerTeacherAt(page, 'Campus Hoog Kortrijk', 'mijngegevens');
	const className = uniqueClassName('4C');
	await enrolAsTeacher(page, upcomingEdition().name, { name: className, grade: 'S4', pupils: 19, remarks: 'Graag op dinsdag.' });

	await page.getByRole('link', { name: 'Mijn account', exact: true }).click();
	const section = page.getByRole('region', { name: 'Je gegevens' });
	await expect(section).toBeVisible();
	await checkA11y();

	const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Mijn gegevens downloaden' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await readFile(await download.path(), 'utf8');
	const data = JSON.parse(text);
	expect(data.profile).toMatchObject({ email: account.email, displayName: account.name });
	expect(data.campuses.map((c: { name: string }) => c.name)).toEqual(['Campus Hoog Kortrijk']);
	expect(data.classes.map((c: { name: string }) => c.name)).toEqual([className]);
	expect(data.mails.map((m: { template: string }) => m.template)).toEqual(expect.arrayContaining(['email_confirm']));
	// Never a secret, never a colleague at the same campus.
	expect(text).not.toMatch(/passwordHash|tokenHash|secretLink|argon2|\/confirm-email\//);
	expect(text).not.toContain(demo.teacher.name);
	expect(text).not.toContain(demo.teacher.email);

	await waitForScripts(page);
	await section.getByLabel('Reden').fill('Ik verander van school.');
	await section.getByRole('button', { name: 'Verwijdering aanvragen' }).click();
	await expect(section.getByRole('status')).toContainText('Je verzoek is ontvangen.');
	await expect(section.getByRole('button', { name: 'Verzoek intrekken' })).toBeVisible();
	await shoot(page, 'account-my-data', (n) => testInfo.outputPath(n));
	await checkA11y();
	// Withdrawn, then asked again: one open request at a time.
	await section.getByRole('button', { name: 'Verzoek intrekken' }).click();
	await expect(section.getByRole('status')).toContainText('Je verzoek is ingetrokken.');
	await section.getByLabel('Reden').fill('Ik verander toch van school.');
	await section.getByRole('button', { name: 'Verwijdering aanvragen' }).click();
	await expect(section.getByRole('button', { name: 'Verzoek intrekken' })).toBeVisible();
	expect(deletionMails(account.email)).toEqual([expect.stringMatching(/We ontvingen je vraag/), expect.stringMatching(/We ontvingen je vraag/)]);

	// The coordinator, in another browser, finds the request from the start page.
	const coordinator = await openBrowser();
	await loginAs(coordinator, demo.coordinator.email);
	await coordinator.goto('/coordinator');
	await coordinator.getByRole('region', { name: 'Aandacht nodig' }).getByRole('link', { name: 'Verwijderverzoeken behandelen' }).click();
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Verwijderverzoeken' })).toBeVisible();
	const request = coordinator.getByRole('listitem').filter({ hasText: account.email });
	await expect(request).toContainText('Ik verander toch van school.');
	await shoot(coordinator, 'data-requests', (n) => testInfo.outputPath(n));
	await checkA11y(coordinator);
	await waitForScripts(coordinator);
	const carryOut = request.getByRole('button', { name: `Verzoek van ${account.name} uitvoeren` });
	await request.locator('summary', { hasText: 'Verzoek uitvoeren' }).click();
	await carryOut.click();
	await expect(request.getByRole('checkbox', { name: 'Ja, verwijder dit account' })).toHaveAccessibleDescription(
		'Vink eerst aan dat je dit account wil verwijderen.'
	);
	expect(classRow(className)?.owner).toBe(account.name);
	await request.getByRole('checkbox', { name: 'Ja, verwijder dit account' }).check();
	await carryOut.click();
	await expect(coordinator.getByRole('status')).toContainText('Het account is verwijderd.');
	await expect(coordinator.getByRole('listitem').filter({ hasText: account.email })).toHaveCount(0);

	// The teacher is logged out everywhere and cannot log in again; the last mail says it is done.
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
	await new LoginPage(page).login(account.email, account.password);
	await expect(page).toHaveURL(/\/login/);
	expect(deletionMails(account.email).at(-1)).toMatch(/Je account is verwijderd/);
	// The class stays with the campus, under a placeholder instead of the name.
	const cls = classRow(className)!;
	expect(cls.owner).toBe('Verwijderd account');
	expect(['enrolled', 'waiting']).toContain(cls.status);
	await coordinator.goto(`/coordinator/classes/${cls.id}`);
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(className);
	await expect(coordinator.getByText(account.name)).toHaveCount(0);
});

test('a coordinator reads the audit log filtered, pages through it and exports it as CSV', async ({ page, checkA11y }, testInfo) => {
	await loginAs(page, demo.coordinator.email);
	await page.goto('/coordinator');
	await page.getByRole('navigation').getByRole('link', { name: 'Auditlog' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
	const rows = page.getByRole('region', { name: 'Auditlog' }).getByRole('row');
	await expect(rows.nth(1)).toBeVisible();
	await checkA11y();

	await page.getByLabel('Soort actie').selectOption({ label: 'Attesten' });
	await page.getByRole('button', { name: 'Filteren' }).click();
	await expect(page).toHaveURL(/kind=certificate/);
	const actions = await page.getByRole('region', { name: 'Auditlog' }).locator('tbody tr td:nth-child(3)').allTextContents();
	expect(actions.length).toBeGreaterThan(0);
	expect(actions.every((a) => a.startsWith('certificate.'))).toBe(true);
	await expect(page.getByText(/\d+ regels gevonden/)).toBeVisible();
	await shoot(page, 'audit', (n) => testInfo.outputPath(n));
	await checkA11y();

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren als CSV' }).click()]);
	const csv = await readFile(await download.path(), 'utf8');
	const lines = csv.trimEnd().split('\r\n');
	expect(lines[0]).toBe('\uFEFFWanneer;Wie;Actie;Over;Campus;Editie;Details');
	expect(lines.length - 1).toBe(Number((await page.getByText(/\d+ regels gevonden/).textContent())!.replace(/\D/g, '')));
	expect(lines.slice(1).every((l) => l.split(';')[2].startsWith('certificate.'))).toBe(true);
	expect(csv).not.toMatch(/argon2|passwordHash|tokenHash/);

	// A person filter that matches nobody says so, and the filters can be cleared.
	await page.getByLabel('Persoon (naam, e-mail)').fill('niemand-met-deze-naam');
	await page.getByRole('button', { name: 'Filteren' }).click();
	await expect(page.getByText('Geen regels voor deze filters.')).toBeVisible();
	await page.getByRole('link', { name: 'Filters wissen' }).click();
	await expect(page).toHaveURL(/\/coordinator\/audit$/);
	await expect(rows.nth(1)).toBeVisible();
});
