import { expect, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { outboxLink, type AnyDb } from './any-db';
import { waitForScripts } from './pages';

/**
 * The first-day steps that go through the go-live pages (issue 12): city
 * settings, campaigns, organisations, school invitations. Each step is done in
 * the browser as a coordinator does it, and each new page is checked with axe
 * and photographed at 1280 and 390 px (`look`).
 */
export type Look = (page: Page, name: string) => Promise<void>;

/** A small PNG for the city's logo, drawn by the browser itself. */
export async function writeLogo(browser: Browser, dir: string): Promise<string> {
	const file = path.join(dir, 'logo-testgem.png');
	const painter = await browser.newPage({ viewport: { width: 240, height: 120 } });
	await painter.setContent(
		'<body style="margin:0;background:#0a7d5a;font:bold 40px sans-serif;color:#fff;display:grid;place-items:center;height:120px">Testgem</body>'
	);
	await painter.screenshot({ path: file });
	await painter.close();
	return file;
}

export interface City {
	name: string;
	shortName: string;
	contact: string;
	/** A PNG file the coordinator uploads as the city's logo. */
	logo: string;
}

/** The coordinator sets the city's name, short name, contact address and logo; the header shows them. */
export async function setUpCity(page: Page, city: City, look: Look): Promise<void> {
	await page.getByRole('link', { name: 'Stel de stad in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen van de stad');
	await waitForScripts(page);
	await look(page, 'settings-empty');
	await page.getByLabel('Naam van de stad (Nederlands)').fill(city.name);
	await page.getByLabel('Korte naam (Nederlands)').fill(city.shortName);
	await page.getByLabel('Algemeen contactadres (e-mail)').fill(city.contact);
	await page.getByLabel('Nieuw logo (PNG of JPEG)').setInputFiles(city.logo);
	await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
	await expect(page.getByText('De instellingen zijn bewaard.')).toBeVisible();
	await expect(page.getByRole('img', { name: `Huidig logo van ${city.name}` })).toBeVisible();
	await expect(page.getByRole('banner').getByText(city.name)).toBeVisible();
	await look(page, 'settings-saved');
}

export interface Campaign {
	name: string;
	descriptionNl: string;
	descriptionEn: string;
	website: string;
	colour: string;
}

/** From the start page's checklist, the coordinator creates the city's campaign. */
export async function createCampaign(page: Page, campaign: Campaign, look: Look): Promise<void> {
	await page.goto('/coordinator');
	await page.getByRole('link', { name: 'Maak een campagne aan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Campagnes' })).toBeVisible();
	await look(page, 'campaigns-empty');
	await page.getByRole('link', { name: 'Nieuwe campagne' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe campagne' })).toBeVisible();
	await waitForScripts(page);
	await page.getByLabel('Naam van de campagne').fill(campaign.name);
	await page.getByLabel('Beschrijving (Nederlands)').fill(campaign.descriptionNl);
	await page.getByLabel('Beschrijving (Engels)').fill(campaign.descriptionEn);
	await page.getByRole('textbox', { name: /^Website/ }).fill(campaign.website);
	await page.getByLabel('Kleur').fill(campaign.colour);
	await look(page, 'campaign-new');
	await page.getByRole('button', { name: 'Campagne aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: campaign.name })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('De campagne is aangemaakt. Je kunt er nu een editie voor aanmaken.');
	await look(page, 'campaign');
}

export interface Trainer {
	name: string;
	email: string;
}

/**
 * The coordinator adds a partner organisation and, on its page, invites a
 * trainer into it. The invitation lands in the outbox; returns its link.
 */
export async function createOrganisationAndInviteTrainer(
	page: Page,
	db: AnyDb,
	organisation: { name: string; contact: string; email: string },
	trainer: Trainer,
	look: Look
): Promise<string> {
	await page.goto('/coordinator');
	await page.getByRole('link', { name: 'Voeg organisaties toe en nodig trainers uit' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
	await look(page, 'organisations-empty');
	await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
	await waitForScripts(page);
	await page.getByLabel('Naam van de organisatie').fill(organisation.name);
	await page.getByRole('textbox', { name: /^Contactpersoon/ }).fill(organisation.contact);
	await page.getByLabel('E-mailadres van de contactpersoon').fill(organisation.email);
	await look(page, 'organisation-new');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: organisation.name })).toBeVisible();
	await expect(page.getByText('Deze organisatie heeft nog geen trainers.')).toBeVisible();
	await waitForScripts(page);
	await page.getByLabel('Naam', { exact: true }).fill(trainer.name);
	await page.getByLabel('E-mailadres', { exact: true }).fill(trainer.email);
	await page.getByRole('button', { name: 'Trainer uitnodigen' }).click();
	await expect(page.getByRole('status')).toContainText(`${trainer.email} is uitgenodigd.`);
	await expect(page.getByRole('row').filter({ hasText: trainer.name })).toBeVisible();
	await look(page, 'organisation');
	return outboxLink(db, trainer.email, 'invite');
}

/**
 * From the edition, the coordinator invites every campus contact to enrol: a
 * preview, the number of recipients, one press (a second sends nothing more).
 * The coordinator reads the mail in the outbox; returns its registration link.
 */
export async function sendSchoolInvitations(page: Page, db: AnyDb, edition: { id: number; name: string }, contactEmail: string, look: Look): Promise<string> {
	await page.goto('/coordinator');
	await page.getByRole('link', { name: 'Nodig de scholen uit' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Scholen uitnodigen voor ${edition.name}` })).toBeVisible();
	await expect(page.getByTestId('last-sent')).toHaveText('De uitnodiging is nog niet verstuurd.');
	await expect(page.getByTestId('preview-nl')).toContainText(edition.name);
	await waitForScripts(page);
	await look(page, 'invitations');
	// Three campuses, one with a contact address: one mail.
	await page.getByRole('button', { name: 'Uitnodiging versturen (ontvangers: 1)' }).click();
	await expect(page.getByText('Uitnodigingen klaargezet in de uitgaande mail: 1.')).toBeVisible();
	await expect(page.getByText('Iedereen kreeg de uitnodiging al.')).toBeVisible();
	await look(page, 'invitations-sent');
	const queued = await db.get<{ n: number }>("select count(*) as n from mail_outbox where template = 'school_invitation'");
	expect(Number(queued?.n), 'one invitation, queued once').toBe(1);

	await page.goto('/coordinator/outbox');
	await page.getByRole('row').filter({ hasText: contactEmail }).getByRole('link').first().click();
	const text = page.locator('pre.mail-text');
	await expect(text).toContainText(edition.name);
	const link = (await text.innerText()).match(/https?:\/\/\S+\/register\?code=\w+/)?.[0];
	expect(link, 'the invitation carries the campus registration link').toBeTruthy();
	return new URL(link!).pathname + new URL(link!).search;
}
