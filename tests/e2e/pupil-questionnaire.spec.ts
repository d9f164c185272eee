import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { TeacherHome } from './support/enrolment';
import { loginAs } from './support/pages';
import { demo } from './support/people';
import { atBothWidths } from './support/widths';
import { read } from './support/read-db';

/**
 * Issue 19.2: the coordinator gives the PAARS campaign two questions for pupils;
 * the demo teacher opens the questionnaire of her class 1A; two pupils answer on
 * phone-sized screens without an account, the first is told what it missed, and
 * answering twice from one phone is not possible; the teacher sees how many
 * answered and closes it. At the end the questions are switched off again, so
 * later specs meet the campaign as the demo left it.
 */
const questions = [
	{ nl: 'Ik weet waar ik hulp kan vragen.', en: 'I know where to get help.' },
	{ nl: 'Ik zou reageren als een klasgenoot gepest wordt.', en: 'I would react if a classmate is bullied.' }
];
const phone = { width: 390, height: 760 };

const pupilSection = (page: Page) => page.getByRole('region', { name: 'Vragenlijst voor leerlingen' });
const classSection = (page: Page) => page.getByRole('region', { name: 'Vragenlijst voor de leerlingen' });

test('pupils answer the questionnaire their teacher opened, on a phone, once each', async ({ page, checkA11y, browser, baseURL }) => {
	test.setTimeout(120_000);
	const edition = upcomingEdition();
	const campaignId = read((db) => (db.prepare('select campaign_id as id from editions where id = ?').get(edition.id) as { id: number }).id);

	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/campaigns/${campaignId}`);
	const section = pupilSection(page);
	// Questions other specs asked earlier are no longer asked, but stay (answered questions are never deleted).
	const numbered = section.getByRole('heading', { level: 3, name: /^Vraag \d+/ });
	const earlier = await numbered.count();
	const addForm = section.locator('form', { has: page.getByRole('button', { name: 'Vraag toevoegen' }) });
	for (const q of questions) {
		await addForm.getByLabel('Vraag in het Nederlands').fill(q.nl);
		await addForm.getByLabel('Vraag in het Engels').fill(q.en);
		await addForm.getByRole('button', { name: 'Vraag toevoegen' }).click();
		await expect(section.getByRole('status')).toContainText('De vragen zijn bijgewerkt.');
	}
	await expect(numbered).toHaveCount(earlier + 2);
	await atBothWidths(page, 'coordinator-questions', checkA11y);

	// The teacher opens the questionnaire of 1A in class.
	const teacher = await (await browser.newContext({ baseURL, locale: 'nl-BE' })).newPage();
	await loginAs(teacher, demo.teacher.email);
	const home = new TeacherHome(teacher);
	await home.goto();
	await home.openClass(home.myClasses(), '1A', edition.name);
	const survey = classSection(teacher);
	await expect(survey).toContainText('Nog niet geopend.');
	await survey.getByLabel('Hoe lang open?').selectOption({ label: '45 minuten' });
	await survey.getByRole('button', { name: 'Open de vragenlijst' }).click();
	await expect(survey.getByRole('status')).toContainText('De vragenlijst is open.');
	await expect(survey.getByRole('img', { name: 'QR-code naar de vragenlijst na de workshop' })).toBeVisible();
	const link = (await survey.getByRole('link', { name: /\/q\// }).getAttribute('href'))!;
	const code = link.split('/q/')[1];
	await expect(survey).toContainText(code);
	await atBothWidths(teacher, 'teacher-open', checkA11y);

	// A pupil's phone: no account, no script needed.
	const pupilContext = await browser.newContext({ baseURL, locale: 'nl-BE', viewport: phone, isMobile: true, hasTouch: true });
	const pupil = await pupilContext.newPage();
	// What a phone on a school's Wi-Fi downloads for the page: no script at all.
	const loaded: { url: string; bytes: number }[] = [];
	pupil.on('response', async (r) => loaded.push({ url: r.url(), bytes: (await r.body().catch(() => Buffer.alloc(0))).length }));
	await pupil.goto(new URL(link).pathname, { waitUntil: 'networkidle' });
	await expect(pupil.getByRole('heading', { level: 1, name: 'Vragenlijst' })).toBeVisible();
	expect(loaded.filter((r) => /\.m?js(\?|$)/.test(r.url)).map((r) => r.url)).toEqual([]);
	await test.info().attach('pupil page weight', { body: JSON.stringify(loaded, null, 2), contentType: 'application/json' });
	await expect(pupil.getByText('Je antwoord is anoniem.')).toBeVisible();
	await expect(pupil.getByText('1A')).toHaveCount(0);
	await checkA11y(pupil);
	await pupil.screenshot({ path: test.info().outputPath('pupil-form-390.png'), fullPage: true });
	// Sent with the second question left open: told where, the first answer kept.
	await pupil
		.getByRole('group', { name: `1. ${questions[0].nl}` })
		.getByLabel('4 van 5')
		.check();
	await pupil.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(pupil.getByRole('alert')).toContainText('Kies een antwoord van 1 tot 5.');
	await expect(pupil.getByRole('group', { name: `1. ${questions[0].nl}` }).getByLabel('4 van 5')).toBeChecked();
	await checkA11y(pupil);
	await pupil
		.getByRole('group', { name: `2. ${questions[1].nl}` })
		.getByLabel('5 van 5, helemaal')
		.check();
	await pupil.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(pupil.getByRole('heading', { level: 1, name: 'Bedankt!' })).toBeVisible();
	await pupil.screenshot({ path: test.info().outputPath('pupil-thanks-390.png'), fullPage: true });
	// The same phone, the link again: no second answer.
	await pupil.goto(new URL(link).pathname);
	await expect(pupil.getByRole('heading', { level: 1, name: 'Bedankt!' })).toBeVisible();
	await expect(pupil.getByRole('button', { name: 'Verstuur mijn antwoord' })).toHaveCount(0);

	// A second pupil types the code on the code page, in English.
	const other = await (await browser.newContext({ baseURL, locale: 'en-GB', viewport: phone, isMobile: true, hasTouch: true })).newPage();
	await other.goto('/q');
	await other.getByLabel('Code from the board').fill(code.toLowerCase().replace('-', ' '));
	await other.getByRole('button', { name: 'To the questionnaire' }).click();
	await expect(other.getByRole('group', { name: `1. ${questions[0].en}` })).toBeVisible();
	await checkA11y(other);
	await other
		.getByRole('group', { name: `1. ${questions[0].en}` })
		.getByLabel('3 of 5')
		.check();
	await other
		.getByRole('group', { name: `2. ${questions[1].en}` })
		.getByLabel('2 of 5')
		.check();
	await other.getByRole('button', { name: 'Send my answer' }).click();
	await expect(other.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();

	// The teacher sees how many answered, never what, and closes it.
	await teacher.reload();
	await expect(survey).toContainText('2 van 24 leerlingen antwoordden.');
	await survey.getByRole('button', { name: 'Sluit de vragenlijst' }).click();
	await expect(survey.getByRole('status')).toContainText('De vragenlijst is gesloten.');
	await expect(survey).toContainText('Gesloten. 2 van 24 leerlingen antwoordden.');
	await expect(survey.getByRole('button', { name: 'Open de vragenlijst' })).toHaveCount(0);
	const late = await (await browser.newContext({ baseURL, locale: 'nl-BE', viewport: phone })).newPage();
	await late.goto(new URL(link).pathname);
	await expect(late.getByText('Deze vragenlijst is gesloten.')).toBeVisible();

	// Back as the demo had it: the pupils' questions switched off (never deleted: they were answered).
	for (const n of [earlier + 1, earlier + 2]) {
		await section.getByRole('button', { name: `Vraag ${n} niet meer stellen` }).click();
		await expect(section.getByRole('button', { name: `Vraag ${n} weer stellen` })).toBeVisible();
	}
});
