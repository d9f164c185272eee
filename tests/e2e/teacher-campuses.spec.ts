import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { campusInviteCode, latestMailText, outboxCount } from './support/db';
import { upcomingEdition } from './support/enrolment-db';
import { ClassForm, openEnrolForm, registerTeacherAt, uniqueClassName } from './support/enrolment';
import { expect, test } from './support/fixtures';
import { loginAs, RegisterPage, waitForScripts } from './support/pages';
import { demo, newPassword } from './support/people';

/**
 * Teachers at more than one campus, and last year's classes. The steps that
 * change links and classes use a fresh teacher, so the demo teacher stays as
 * the other specs expect; the demo teacher only looks and downloads.
 */
const second = { name: 'Campus Hoog Kortrijk', label: 'Sint-Maartenscollege – Campus Hoog Kortrijk' };

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

const campuses = (page: Page) => page.getByRole('region', { name: 'Mijn campussen' });
const campusItems = (page: Page, name: string) => campuses(page).getByRole('listitem').filter({ hasText: name });
const codeField = (page: Page) => campuses(page).getByLabel('Campuscode', { exact: true });

test.describe('teachers at more than one campus', () => {
	test('a teacher adds a campus with its code, enrols a class there and leaves it; the class stays', async ({ page, checkA11y, openBrowser }, testInfo) => {
		// Registration, four pages checked with axe and a second login: a long walk on a busy machine.
		test.setTimeout(150_000);
		const edition = upcomingEdition();
		await registerTeacherAt(page, 'Campus Centrum', 'twee-campussen');
		await page.goto('/account');
		await waitForScripts(page);
		await expect(campusItems(page, 'Campus Centrum')).toHaveCount(1);

		await codeField(page).fill('ZZZZ-ZZZZ-ZZZZ');
		await campuses(page).getByRole('button', { name: 'Campus toevoegen' }).click();
		await expect(codeField(page)).toHaveAccessibleDescription(/Deze campuscode kennen we niet/);
		await expect(codeField(page)).toHaveValue('ZZZZ-ZZZZ-ZZZZ');
		await checkA11y();

		await codeField(page).fill(campusInviteCode(second.name).toLowerCase());
		await campuses(page).getByRole('button', { name: 'Campus toevoegen' }).click();
		await expect(campuses(page).getByRole('status')).toHaveText(`${second.label} is toegevoegd aan je campussen.`);
		await expect(campusItems(page, second.name)).toHaveCount(1);
		await checkA11y();
		await screenshots(page, testInfo, 'account-campuses');

		// The enrol form now asks for the campus.
		await page.goto('/teacher');
		const form: ClassForm = await openEnrolForm(page, edition.name);
		const name = uniqueClassName('Hoog');
		await form.fill({ campus: second.label, name, grade: 'S2', pupils: 21 });
		await form.submit();
		await expect(page).toHaveURL(/\/teacher\?/);
		// A colleague's class at the same campus has its own heading further down; this one is under my classes.
		const mine = page.getByRole('region', { name: 'Mijn ingeschreven klassen' });
		await expect(mine.getByRole('heading', { level: 3, name: second.label })).toBeVisible();
		const table = mine.getByRole('table', { name: `Mijn ingeschreven klassen: ${second.label}` });
		const link = table.getByRole('link', { name: `Open klas ${name}` });
		await expect(link).toBeVisible();
		const classPath = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
		await checkA11y();
		await screenshots(page, testInfo, 'teacher-two-campuses');

		// Leaving asks first, then says the classes stay.
		await page.goto('/account');
		await waitForScripts(page);
		await campusItems(page, second.name).locator('summary').click();
		await expect(campuses(page).getByText(`${second.label} verlaten?`)).toBeVisible();
		await checkA11y();
		await screenshots(page, testInfo, 'account-leave-confirm');
		await campuses(page)
			.getByRole('button', { name: `${second.label} verlaten` })
			.click();
		await expect(campuses(page).getByRole('status')).toHaveText(`Je hebt ${second.label} verlaten. De klassen blijven bij de campus.`);
		await expect(campusItems(page, second.name)).toHaveCount(0);

		await page.goto('/teacher');
		await expect(page.getByRole('link', { name: `Open klas ${name}` })).toHaveCount(0);
		const response = await page.goto(classPath);
		expect(response?.status()).toBe(404);

		// The class stayed with its campus: the coordinator still finds it.
		const coordinator = await openBrowser();
		await loginAs(coordinator, demo.coordinator.email);
		await coordinator.goto(`/coordinator/editions/${edition.id}/enrolments?q=${encodeURIComponent(name)}`);
		await expect(coordinator.getByText(name).first()).toBeVisible();
	});

	test('registering again with another campus code answers as for a new account and mails the teacher how to add the campus', async ({
		page,
		checkA11y
	}, testInfo) => {
		const form = new RegisterPage(page);
		await form.goto();
		await waitForScripts(page);
		const code = campusInviteCode(second.name);
		const before = outboxCount(demo.teacher.email, 'register_existing');
		await form.register({ code, name: demo.teacher.name, email: demo.teacher.email, password: newPassword() });
		// The page does not say the address has an account (a stranger could be asking): the mail does.
		await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
		await expect(page.getByText('Er bestaat al een account')).toHaveCount(0);
		await checkA11y();
		await screenshots(page, testInfo, 'register-existing');
		expect(outboxCount(demo.teacher.email, 'register_existing')).toBe(before + 1);
		expect(latestMailText(demo.teacher.email, 'register_existing')).toContain('Een nieuwe campus voeg je toe in Mijn account, met de campuscode.');
		// The demo teacher is left as found (nothing added).
		await loginAs(page, demo.teacher.email);
		await page.goto('/account');
		await expect(campusItems(page, second.name)).toHaveCount(0);
	});
});

test.describe('teachers keep last year', () => {
	test("the demo teacher sees last year's class 1A with its certificate and downloads it", async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, demo.teacher.email);
		await page.goto('/teacher');
		const past = page.getByRole('region', { name: 'Vorige edities' });
		const lastYear = `PAARS ${Number(upcomingEdition().name.slice(-4)) - 1}`;
		const details = past.locator('details').filter({ hasText: lastYear });
		await expect(details).not.toHaveAttribute('open');
		await details.locator('summary').click();
		const row = details.getByRole('row').filter({ hasText: '1A' });
		await expect(row).toContainText('Campus Centrum');
		// 2A's certificate was revoked in the demo: it says so instead of offering a download.
		await expect(details.getByRole('row').filter({ hasText: '2A' })).toContainText('Ingetrokken');
		await checkA11y();
		await screenshots(page, testInfo, 'teacher-past');

		const [pdf] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Attest van 1A, Nederlands (pdf)' }).click()]);
		expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
		const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' });
		expect(text).toContain('1A');
		expect(text).toContain('Campus Centrum');
		expect(text).toContain('DEM0C-ERT1F-1CAT0');
	});
});
