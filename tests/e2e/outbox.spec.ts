import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures';
import { classMail, upcomingEdition } from './support/enrolment-db';
import { read } from './support/read-db';
import { classIdOf, enrolAsTeacher, TeacherHome, uniqueClassName } from './support/enrolment';
import { loginAs, logout } from './support/pages';
import { demo } from './support/people';

/**
 * What a teacher's action leaves in the coordinator's outbox (issue 7): the mail
 * exists as soon as the class is enrolled, coordinators can read it (never its
 * one-time link) and send a failed mail again.
 */

/** Marks one outbox row failed, as the sender does after a mail server refused it for good. */
function markFailed(id: number, error: string): void {
	const db = new Database(fileURLToPath(new URL('../../.e2e/app.sqlite', import.meta.url)), { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare("update mail_outbox set status = 'failed', attempts = 8, last_error = ? where id = ?").run(error, id);
	} finally {
		db.close();
	}
}

test.describe('the outbox', () => {
	test('a teacher enrols a class and the coordinator reads the confirmation in the outbox', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const name = uniqueClassName('6C');
		await loginAs(page, demo.teacher.email);
		await enrolAsTeacher(page, edition.name, { name, grade: 'S6', pupils: 19 });
		const home = new TeacherHome(page);
		await home.openClass(home.myClasses(), name, edition.name);
		const classId = classIdOf(page);
		await classMail(classId, 'class_enrolled');
		const mailId = read((db) => (db.prepare('select id from mail_outbox where dedupe_key like ?').get(`class_enrolled:${classId}:%`) as { id: number }).id);
		await logout(page);

		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator/outbox');
		await expect(page.getByText('Er is geen mailserver ingesteld (SMTP_URL)')).toBeVisible();
		const subject = `Ingeschreven: ${name} voor ${edition.name}`;
		const row = page.getByRole('row').filter({ hasText: subject });
		await expect(row).toContainText(demo.teacher.email);
		await expect(row).toContainText('In de wachtrij');
		await checkA11y();

		await row.getByRole('link', { name: subject }).click();
		await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
		const text = page.locator('pre.mail-text');
		await expect(text).toContainText(`Klas ${name} van Sint-Maartenscollege – Campus Centrum is ingeschreven voor ${edition.name}.`);
		await expect(text).toContainText(`Je krijgt ze omdat je klas ${name} inschreef.`);
		await expect(text).toContainText(`over ${edition.name}`);
		await checkA11y();

		// A failed mail shows why, and goes back in the queue with one click.
		markFailed(mailId, '550 5.1.1 Mailbox does not exist');
		await page.goto('/coordinator/outbox?status=failed');
		const failed = page.getByRole('row').filter({ hasText: subject });
		await expect(failed).toContainText('Mislukt');
		await expect(failed).toContainText('550 5.1.1 Mailbox does not exist');
		await checkA11y();
		await failed.getByRole('button', { name: `Opnieuw versturen ${subject}` }).click();
		await expect(page.getByText('De mail staat opnieuw in de wachtrij.')).toBeVisible();
		await page.goto('/coordinator/outbox?status=pending');
		await expect(page.getByRole('row').filter({ hasText: subject })).toContainText('In de wachtrij');
	});

	test('a mail with a one-time link shows the place of the link, never the link', async ({ page }) => {
		await page.goto('/forgot-password');
		await page.getByLabel('E-mailadres').fill(demo.teacher.email);
		await page.getByRole('button', { name: /link/i }).click();
		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator/outbox');
		await page
			.getByRole('link', { name: /Nieuw wachtwoord kiezen/ })
			.first()
			.click();
		const text = page.locator('pre.mail-text');
		await expect(text).toContainText('[persoonlijke link, verborgen]');
		await expect(text).not.toContainText('/reset-password/');
	});
});
