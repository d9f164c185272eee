import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { upcomingEdition } from './support/enrolment-db';
import { registerTeacherAt } from './support/enrolment';
import { loginAs } from './support/pages';
import { demo, unique } from './support/people';

/** A tiny valid PDF, generated here (no copyrighted content); the text makes each one unique. */
function minimalPdf(text: string): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
		'latin1'
	);
}

const materialsPage = (editionId: number) => `/coordinator/editions/${editionId}/materials`;

/** Fills the upload form of the edition's materials page (secondary schools) and submits it. */
async function uploadThroughForm(page: Page, title: string, file: string) {
	const form = page.locator('form[enctype="multipart/form-data"]');
	await form.getByLabel('Titel (Nederlands)').fill(title);
	await form.getByLabel('Titel (Engels)').fill(`${title} (EN)`);
	await form.getByLabel('Secundair onderwijs', { exact: true }).check();
	await form.getByLabel('Bestand', { exact: true }).setInputFiles(file);
	await form.getByRole('button', { name: 'Bestand opladen' }).click();
}

/** Uploads a material the way the form does, without the browser: for tests that need one quickly. */
async function uploadThroughApi(request: APIRequestContext, baseURL: string, editionId: number, title: string, content: Buffer, name = 'Lesfiche.pdf') {
	return request.post(`/api/materials/upload?editionId=${editionId}`, {
		headers: { origin: baseURL },
		multipart: {
			editionId: String(editionId),
			titleNl: title,
			titleEn: title,
			language: 'nl',
			level_secundair: '1',
			sortOrder: '0',
			file: { name, mimeType: 'application/pdf', buffer: content }
		},
		maxRedirects: 0
	});
}

const materialIdOf = (location: string | undefined) => Number(/\/coordinator\/materials\/(\d+)/.exec(location ?? '')?.[1]);

test.describe('digital materials', () => {
	test('a coordinator uploads a PDF and a teacher of a participating campus downloads the same bytes, also in ranges', async ({
		page,
		openBrowser,
		checkA11y
	}, testInfo) => {
		const edition = upcomingEdition();
		const title = `Lesfiche ${unique()}`;
		const content = minimalPdf(title);
		const file = testInfo.outputPath('Lesfiche – Zoë.pdf');
		await writeFile(file, content);

		await loginAs(page, demo.coordinator.email);
		await page.goto(`/coordinator/editions/${edition.id}`);
		await page.getByRole('link', { name: 'Lesmateriaal' }).click();
		await expect(page).toHaveURL(materialsPage(edition.id));
		await expect(page.getByText('Hoogstens 2 MB. Toegelaten: PDF')).toBeVisible();
		await checkA11y();
		await uploadThroughForm(page, title, file);

		await expect(page).toHaveURL(/\/coordinator\/materials\/\d+\?created$/);
		await expect(page.getByRole('status')).toContainText('Het materiaal is toegevoegd');
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Versies' }).getByRole('cell', { name: 'Lesfiche – Zoë.pdf' })).toBeVisible();
		await checkA11y();
		const id = materialIdOf(page.url());

		await page.goto(materialsPage(edition.id));
		await expect(page.getByRole('region', { name: 'Materialen' }).getByRole('link', { name: title })).toBeVisible();

		const teacher = await openBrowser();
		await loginAs(teacher, demo.teacher.email);
		await teacher.goto('/teacher/materials');
		await expect(teacher.getByRole('heading', { level: 1, name: 'Lesmateriaal' })).toBeVisible();
		await expect(teacher.getByRole('heading', { level: 3, name: title })).toBeVisible();
		await checkA11y(teacher);
		const downloading = teacher.waitForEvent('download');
		await teacher.getByRole('link', { name: `Download ${title}` }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('Lesfiche – Zoë.pdf');
		expect(Buffer.compare(await readFile(await download.path()), content)).toBe(0);

		const part = await teacher.request.get(`/api/materials/${id}/download`, { headers: { range: 'bytes=5-14' } });
		expect(part.status()).toBe(206);
		expect(part.headers()['content-range']).toBe(`bytes 5-14/${content.length}`);
		expect(Buffer.compare(await part.body(), content.subarray(5, 15))).toBe(0);

		// The coordinator sees the download counted for Campus Centrum.
		await page.goto(`/coordinator/materials/${id}`);
		await expect(page.getByRole('region', { name: 'Downloads per campus' }).getByRole('row', { name: /Campus Centrum/ })).toContainText('1');
		await checkA11y();
	});

	test('a teacher of a campus that does not take part sees the empty state and cannot download', async ({ page, openBrowser, checkA11y, baseURL }) => {
		const edition = upcomingEdition();
		const coordinator = await openBrowser();
		await loginAs(coordinator, demo.coordinator.email);
		const created = await uploadThroughApi(coordinator.request, baseURL!, edition.id, `Niet voor jou ${unique()}`, minimalPdf(unique()));
		expect(created.status()).toBe(303);
		const id = materialIdOf(created.headers()['location']);
		expect(id).toBeGreaterThan(0);

		await registerTeacherAt(page, 'Campus Hoog Kortrijk');
		await page.goto('/teacher/materials');
		await expect(page.getByText('Het materiaal verschijnt zodra een klas van je campus ingeschreven is')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Schrijf een klas in' })).toHaveAttribute('href', '/teacher');
		await checkA11y();
		const refused = await page.request.get(`/api/materials/${id}/download`);
		expect(refused.status()).toBe(404);
	});

	test('a material whose stored file is gone answers a clear page, and the dashboard names it until it is uploaded again', async ({
		page,
		openBrowser,
		checkA11y,
		baseURL
	}, testInfo) => {
		const edition = upcomingEdition();
		const title = `Verloren lesfiche ${unique()}`;
		const content = minimalPdf(title);
		const coordinator = await openBrowser();
		await loginAs(coordinator, demo.coordinator.email);
		const id = materialIdOf((await uploadThroughApi(coordinator.request, baseURL!, edition.id, title, content)).headers()['location']);
		// As after a restore without the files folder: the row is there, the bytes are not.
		const sha256 = createHash('sha256').update(content).digest('hex');
		await rm(path.join('.e2e', 'files', sha256.slice(0, 2), sha256));

		await loginAs(page, demo.teacher.email);
		await page.goto('/teacher/materials');
		const answered = page.waitForResponse((r) => r.url().endsWith(`/api/materials/${id}/download`));
		await page.getByRole('link', { name: `Download ${title}` }).click();
		expect((await answered).status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Bestand niet beschikbaar' })).toBeVisible();
		await expect(page.getByText('Dit bestand is niet meer beschikbaar. De coördinator is verwittigd.')).toBeVisible();
		await checkA11y();
		await page.screenshot({ path: testInfo.outputPath('missing-file-1280.png') });
		await page.getByRole('link', { name: 'Terug naar de pagina' }).click();
		await expect(page).toHaveURL('/teacher/materials');

		await coordinator.goto('/coordinator');
		const attention = coordinator.getByRole('region', { name: 'Aandacht nodig' });
		await expect(attention).toContainText(`Bestand ontbreekt: het bestand van „${title}” (${edition.name}) is niet gevonden (gevraagd: 1 keer).`);
		await attention.getByRole('link', { name: `Laad het opnieuw op – ${title}` }).click();
		await expect(coordinator).toHaveURL(`/coordinator/materials/${id}`);
		const again = testInfo.outputPath('Lesfiche.pdf');
		await writeFile(again, content);
		await coordinator.getByLabel('Bestand', { exact: true }).setInputFiles(again);
		await coordinator.getByRole('button', { name: 'Nieuwe versie opladen' }).click();
		await expect(coordinator.getByRole('status')).toBeVisible();
		await coordinator.goto('/coordinator');
		await expect(coordinator.getByText(title)).toHaveCount(0);
		const download = await page.request.get(`/api/materials/${id}/download`);
		expect(Buffer.compare(await download.body(), content)).toBe(0);
	});

	test('a file whose content does not match its extension is refused with a clear message', async ({ page, checkA11y }, testInfo) => {
		const edition = upcomingEdition();
		const file = testInfo.outputPath('Affiche.pdf');
		await writeFile(file, 'Dit is gewone tekst, geen PDF.\n');
		await loginAs(page, demo.coordinator.email);
		await page.goto(materialsPage(edition.id));
		await uploadThroughForm(page, `Verkeerd ${unique()}`, file);
		await expect(page).toHaveURL(new RegExp(`${materialsPage(edition.id)}\\?error=`));
		await expect(page.getByRole('alert')).toContainText('De inhoud van dit bestand past niet bij de extensie .pdf');
		await checkA11y();

		// Text fields are checked too: no level chosen.
		const pdf = testInfo.outputPath('Zonder niveau.pdf');
		await writeFile(pdf, minimalPdf(unique()));
		const form = page.locator('form[enctype="multipart/form-data"]');
		await form.getByLabel('Titel (Nederlands)').fill(`Zonder niveau ${unique()}`);
		await form.getByLabel('Titel (Engels)').fill('Without a level');
		await form.getByLabel('Bestand', { exact: true }).setInputFiles(pdf);
		await form.getByRole('button', { name: 'Bestand opladen' }).click();
		await expect(page.getByRole('alert')).toContainText('Kies minstens één niveau');
	});

	test("a too large upload is refused with 413 and a message in the user's language", async ({ page, baseURL }) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.coordinator.email);
		const big = Buffer.concat([minimalPdf('groot'), Buffer.alloc(2_500_000, 0x20)]);
		const answer = await uploadThroughApi(page.request, baseURL!, edition.id, `Te groot ${unique()}`, big, 'Groot.pdf');
		expect(answer.status()).toBe(413);
		const body = await answer.text();
		expect(body).toContain('Dit bestand is te groot. Het maximum is 2 MB.');
		expect(body).toContain(`href="${materialsPage(edition.id)}"`);
		// Nothing of it stays on disk (the e2e server's DATA_DIR is .e2e).
		expect(readdirSync(path.join('.e2e', 'tmp'))).toEqual([]);
	});

	test('a coordinator edits a material, uploads a new version, adds a link and retires a material', async ({ page, checkA11y, baseURL }, testInfo) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.coordinator.email);
		const title = `Krant ${unique()}`;
		const created = await uploadThroughApi(page.request, baseURL!, edition.id, title, minimalPdf(title), 'Krant v1.pdf');
		const id = materialIdOf(created.headers()['location']);

		await page.goto(`/coordinator/materials/${id}`);
		const renamed = `${title} – herwerkt`;
		await page.getByLabel('Titel (Nederlands)').fill(renamed);
		await page.getByLabel('Hoger onderwijs', { exact: true }).check();
		await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
		await expect(page.getByRole('status')).toContainText('De wijzigingen zijn bewaard');
		await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

		const second = testInfo.outputPath('Krant v2.pdf');
		await writeFile(second, minimalPdf(`${title} v2`));
		await page.getByLabel('Bestand', { exact: true }).setInputFiles(second);
		await page.getByRole('button', { name: 'Nieuwe versie opladen' }).click();
		await expect(page).toHaveURL(`/coordinator/materials/${id}?replaced`);
		await expect(page.getByRole('status')).toContainText('De nieuwe versie is opgeladen');
		const versions = page.getByRole('region', { name: 'Versies' }).getByRole('row');
		await expect(versions).toHaveCount(3);
		await expect(versions.nth(1)).toContainText('Krant v2.pdf');
		await expect(versions.nth(2)).toContainText('Krant v1.pdf');
		await expect(versions.nth(1)).toContainText('Griet Coppens');
		await checkA11y();

		// Without levels the form is refused with a message tied to the field.
		await page.getByLabel('Secundair onderwijs', { exact: true }).uncheck();
		await page.getByLabel('Hoger onderwijs', { exact: true }).uncheck();
		await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
		await expect(page.getByRole('group', { name: 'Niveaus' })).toContainText('Kies minstens één niveau');

		await page.locator('summary', { hasText: 'Materiaal intrekken' }).click();
		await page.getByRole('checkbox', { name: `Ja, trek ${renamed} in` }).check();
		await page.getByRole('button', { name: 'Materiaal intrekken' }).click();
		await expect(page.getByRole('status')).toContainText('Het materiaal is ingetrokken');
		await page.goto(materialsPage(edition.id));
		await expect(page.getByRole('region', { name: 'Materialen' }).getByRole('row', { name: new RegExp(renamed) })).toContainText('Ingetrokken');

		const link = page.locator('form[action="?/link"]');
		const video = `Video ${unique()}`;
		await link.getByLabel('Titel (Nederlands)').fill(video);
		await link.getByLabel('Titel (Engels)').fill(video);
		await link.getByLabel('Lager onderwijs', { exact: true }).check();
		await link.getByLabel('Webadres').fill('https://video.example.org/paars');
		await link.getByRole('button', { name: 'Link toevoegen' }).click();
		await expect(page.getByRole('status')).toContainText('Het materiaal is toegevoegd');
		await expect(page.getByRole('region', { name: 'Materialen' }).getByRole('row', { name: new RegExp(video) })).toContainText('Link');
		const linkId = Number((await page.getByRole('link', { name: video }).getAttribute('href'))!.split('/').pop());
		const redirect = await page.request.get(`/api/materials/${linkId}/download`, { maxRedirects: 0 });
		expect(redirect.status()).toBe(303);
		expect(redirect.headers()['location']).toBe('https://video.example.org/paars');
		await checkA11y();
	});
});
