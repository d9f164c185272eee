import type { Browser, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMariaDbDatabase, openAnyDb, outboxLink, type AnyDb } from './support/any-db';
import { importCsv, writeImportFile, type ImportRow } from './support/campus-csv';
import { CampusImportPage } from './support/campus-pages';
import { addDays, brusselsToday } from './support/enrolment-db';
import { createPublishedEdition, enrolAsTeacher, TeacherHome } from './support/enrolment';
import { expect, test } from './support/fixtures';
import { createCampaign, createOrganisationAndInviteTrainer, sendSchoolInvitations, setUpCity, writeLogo, type Look } from './support/first-day-steps';
import { npmRun, startServer, stopAllServers, type OwnApp, type RunningServer } from './support/own-server';
import { loginAs, logout, RegisterPage, waitForScripts, welcome } from './support/pages';

/**
 * Issue 12's "Done when": a city's whole first day on an EMPTY database, as an
 * installer and then its people do it. The installer runs db:migrate and
 * user:create; the coordinator chooses a password from the printed link, sets
 * up the city, a campaign and an organisation with a trainer, imports the
 * campuses, publishes an edition and invites the schools; a teacher registers
 * and enrols a class; the trainer books its workshop. A week later (the server
 * restarted with its clock shifted) the trainer reports it given and the teacher
 * downloads the class certificate, which names the city and verifies.
 *
 * Each database gets its own server on its own port, next to the shared one.
 * The go-live pages' steps (settings, campaign, organisation, school
 * invitations) live in support/first-day-steps.ts; each of those pages is checked
 * with axe and photographed at 1280 and 390 px.
 */
const city = { name: 'Stad Testgem', shortName: 'Testgem', contact: 'info@testgem.example' };
const coordinator = { name: 'Hanne Verstraete', email: 'hanne.verstraete@testgem.example', password: 'Paarse-start-Testgem-1' };
const trainer = { name: 'Bram Lagae', email: 'bram.lagae@vormingplus.example', password: 'Paarse-trainer-Testgem-2' };
const teacher = { name: 'An Devos', email: 'an.devos@zonnebloem.example', password: 'Paarse-klas-Testgem-3' };
const organisation = { name: 'Vorming Testgem', contact: 'Els Maes', email: 'els.maes@vormingplus.example' };
const campaign = {
	name: 'Regenboogweek',
	descriptionNl: 'Workshops over diversiteit voor de scholen van Testgem.',
	descriptionEn: 'Workshops on diversity for the schools of Testgem.',
	website: 'https://www.testgem.example/regenboogweek',
	colour: '#1a4d2e'
};
const className = '6A';

/** A fictional town's campuses; only De Zonnebloem has a contact address. */
const campuses: ImportRow[] = [
	{
		instellingsnummer: '900001',
		school: 'Basisschool De Zonnebloem',
		campus: 'Campus Dorp',
		straat: 'Dorpsstraat 1',
		postcode: '8999',
		gemeente: 'Testgem',
		niveaus: 'kleuter,lager',
		contactpersoon: teacher.name,
		email: teacher.email
	},
	{
		instellingsnummer: '900001',
		school: 'Basisschool De Zonnebloem',
		campus: 'Campus Veld',
		straat: 'Veldweg 7',
		postcode: '8999',
		gemeente: 'Testgem',
		niveaus: 'lager'
	},
	{
		instellingsnummer: '900002',
		school: 'Atheneum Testgem',
		campus: 'Campus Markt',
		straat: 'Markt 3',
		postcode: '8999',
		gemeente: 'Testgem',
		niveaus: 'secundair'
	}
];

/** Full-page screenshots of what a first-day user sees, for review (test-results/…/first-day-*.png). */
let shotDir: TestInfo | null = null;
const shot = async (page: Page, name: string) => {
	if (shotDir) await page.screenshot({ path: shotDir.outputPath(`first-day-${name}-1280.png`), fullPage: true });
};

interface Day {
	look: Look;
	app: OwnApp;
	db: AnyDb;
	browser: Browser;
	coordinator: Page;
	/** Another browser with its own cookies (the trainer's, the teacher's) on this day's server. */
	openBrowser: () => Promise<Page>;
	server?: RunningServer;
}

const databases = [
	{ kind: 'sqlite', port: 4250 },
	{ kind: 'mariadb', port: 4251 }
] as const;

// A timed-out test skips the rest of its body: its server must not outlive it.
test.afterEach(stopAllServers);

for (const { kind, port } of databases) {
	test.describe(`first day on an empty ${kind} database`, () => {
		test.use({ baseURL: `http://127.0.0.1:${port}` });

		test(`installs, sets up a city and runs its first workshop to a verified certificate (${kind})`, async ({
			page,
			browser,
			openBrowser,
			checkA11y
		}, testInfo) => {
			test.skip(kind === 'mariadb' && !process.env.TEST_MYSQL_URL, 'needs TEST_MYSQL_URL (a MariaDB server where it may create a database)');
			// 1.7 to 3.3 minutes on a busy 2-core machine (load 15); the limit leaves room for a slower one.
			test.setTimeout(420_000);
			const dataDir = mkdtempSync(path.join(tmpdir(), `sc-first-day-${kind}-`));
			const maria = kind === 'mariadb' ? await createMariaDbDatabase(process.env.TEST_MYSQL_URL!) : null;
			const app: OwnApp = { port, dataDir, databaseUrl: maria?.url ?? `sqlite:${path.join(dataDir, 'app.sqlite')}` };
			// Each go-live page: axe, then a full-page screenshot at desk and phone width.
			const look: Look = async (target, name) => {
				await checkA11y(target);
				const viewport = target.viewportSize();
				for (const width of [1280, 390]) {
					await target.setViewportSize({ width, height: 900 });
					await target.screenshot({ path: testInfo.outputPath(`first-day-${kind}-${name}-${width}.png`), fullPage: true });
				}
				if (viewport) await target.setViewportSize(viewport);
			};
			const day = { app, browser, coordinator: page, openBrowser, look } as Day;
			shotDir = testInfo;
			const timings: string[] = [];
			const step = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
				const started = Date.now();
				try {
					return await test.step(name, body);
				} finally {
					timings.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${name}`);
				}
			};
			try {
				const link = await step('installer: npm run db:migrate, npm run user:create', () => install(app));
				day.db = await openAnyDb(app.databaseUrl);
				day.server = await step('installer: node build (no demo in a database with a user)', async () => {
					const server = await startServer(app);
					await expectNoDemo(day);
					return server;
				});
				await step('coordinator: chooses a password from the printed link, logs in', () => coordinatorStarts(day, link));
				await expect(page.getByRole('heading', { level: 2, name: 'Aan de slag' })).toBeVisible();
				await expect(page.getByText('0 van 6 stappen klaar')).toBeVisible();
				await look(page, 'coordinator-start-empty');
				await step('coordinator: sets up the city with a logo', async () => setUpCity(page, { ...city, logo: await writeLogo(browser, dataDir) }, look));
				await step('coordinator: creates a campaign', () => createCampaign(page, campaign, look));
				const trainerPage = await step('coordinator: adds an organisation and invites a trainer; the trainer sets a password', () => trainerJoins(day));
				await step('coordinator: imports campuses from a CSV', () => importCampuses(page));
				const edition = await step('coordinator: creates and publishes an edition', () => publishEdition(day));
				const teacherPage = await step('coordinator invites the schools; the teacher registers from the mailed link, confirms, enrols a class', () =>
					teacherEnrols(day, edition)
				);
				await step('coordinator: the checklist is done and gone', () => checklistDone(day));
				const slot = await step('coordinator: workshop slot with the class; trainer books it', () => planWorkshop(day, edition, trainerPage));
				await step(`a week later: server restarted with TEST_CLOCK_SHIFT_DAYS=${slot.shiftDays}`, async () => {
					await day.server!.stop();
					day.server = await startServer(app, { TEST_CLOCK_SHIFT_DAYS: String(slot.shiftDays) });
				});
				await step('trainer: reports the workshop given', () => trainerReports(trainerPage, slot.id));
				await step('teacher: downloads the class certificate, verifies its code', () => teacherGetsCertificate(day, teacherPage, testInfo));
				expect(day.server.stderr(), 'the server logged no error').not.toMatch(/"level":"error"/);
			} finally {
				await stopAllServers();
				await day.db?.close();
				await maria?.drop();
				rmSync(dataDir, { recursive: true, force: true });
				await testInfo.attach('step timings', { body: timings.join('\n'), contentType: 'text/plain' });
				console.log(`first day on ${kind}:\n${timings.join('\n')}`);
			}
		});
	});
}

/** The installer's two commands; returns the one-time link user:create printed. */
async function install(app: OwnApp): Promise<string> {
	await npmRun(app, 'db:migrate');
	const out = await npmRun(app, 'user:create', ['--role', 'coordinator', '--email', coordinator.email, '--name', coordinator.name]);
	expect(out).toContain(`Created coordinator ${coordinator.email}.`);
	const link = out.match(/http:\/\/\S+\/invite\/\S+/)?.[0];
	expect(link, `user:create printed a link to choose the password:\n${out}`).toBeTruthy();
	expect(new URL(link!).origin, 'the link uses ORIGIN').toBe(`http://127.0.0.1:${app.port}`);
	return link!;
}

/** Once the schools are invited the start page no longer shows the first-run checklist. */
async function checklistDone(day: Day): Promise<void> {
	await day.coordinator.goto('/coordinator');
	await expect(welcome(day.coordinator, coordinator.name)).toBeVisible();
	await expect(day.coordinator.getByRole('heading', { name: 'Aan de slag' })).toHaveCount(0);
}

/** The server loads the demo only into an empty database; after user:create there is none. */
async function expectNoDemo(day: Day): Promise<void> {
	const users = await day.db.all<{ email: string }>('select email from users');
	expect(users.map((u) => u.email)).toEqual([coordinator.email]);
	const counts = await day.db.get<{ c: number; o: number; k: number }>(
		'select (select count(*) from campaigns) as c, (select count(*) from organisations) as o, (select count(*) from campuses) as k'
	);
	expect(counts, 'no demo campaign, organisation or campus').toEqual({ c: 0, o: 0, k: 0 });
}

/** The first coordinator opens the printed link, chooses a password, and logs in with it. */
async function coordinatorStarts(day: Day, link: string): Promise<void> {
	const page = day.coordinator;
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Uitnodiging aanvaarden' })).toBeVisible();
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(coordinator.name);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(coordinator.password);
	await page.getByRole('button', { name: 'Wachtwoord opslaan en aanmelden' }).click();
	await expect(welcome(page, coordinator.name)).toBeVisible();
	expect(new URL(page.url()).pathname).toBe('/coordinator');
	await logout(page);
	await loginAs(page, coordinator.email, coordinator.password);
	await expect(welcome(page, coordinator.name)).toBeVisible();
}

/** The coordinator adds the organisation and invites the trainer; the trainer chooses a password from the mail. */
async function trainerJoins(day: Day): Promise<Page> {
	const invite = await createOrganisationAndInviteTrainer(day.coordinator, day.db, organisation, trainer, day.look);
	const page = await day.openBrowser();
	await page.goto(invite);
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(trainer.name);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(trainer.password);
	await page.getByRole('button', { name: 'Wachtwoord opslaan en aanmelden' }).click();
	await expect(page).toHaveURL(/\/trainer$/);
	await expect(page.getByText(`Je geeft workshops voor ${organisation.name}.`)).toBeVisible();
	return page;
}

async function importCampuses(page: Page): Promise<void> {
	const importPage = new CampusImportPage(page);
	await importPage.goto();
	await importPage.upload(writeImportFile('campussen-testgem.csv', importCsv(campuses)));
	await importPage.expectCounts({ rows: 3, newSchools: 2, newCampuses: 3, updatedCampuses: 0, problemRows: 0 });
	await importPage.confirm().click();
	await expect(page.getByRole('status')).toHaveText('Import klaar: 3 rijen, 2 nieuwe scholen, 3 nieuwe campussen, 0 campussen bijgewerkt.');
}

interface Edition {
	id: number;
	name: string;
	/** Weekdays of the workshop period the edition did not block, in order. */
	openDays: string[];
}

/**
 * Enrolment open since yesterday for a month; workshops from the day after
 * tomorrow for two weeks, so whatever today is, a weekday that is no public
 * holiday lies within the first week.
 */
async function publishEdition(day: Day): Promise<Edition> {
	const today = brusselsToday();
	const [starts, ends] = [addDays(today, 2), addDays(today, 15)];
	const name = `${campaign.name} ${today.slice(0, 4)}`;
	await day.coordinator.goto('/coordinator/editions/new');
	await expect(day.coordinator.getByLabel('Campagne', { exact: true }), 'the only campaign is chosen already').toHaveValue(/^\d+$/);
	await shot(day.coordinator, 'edition-new');
	const id = await createPublishedEdition(day.coordinator, {
		year: Number(today.slice(0, 4)),
		name,
		opens: addDays(today, -1),
		closes: addDays(today, 30),
		workshopStarts: starts,
		workshopEnds: ends,
		grades: ['L5', 'L6']
	});
	const blocked = new Set(
		(await day.db.all<{ d: string }>('select local_date as d from blocked_days where edition_id = ?', [id])).map((r) => String(r.d).slice(0, 10))
	);
	const openDays: string[] = [];
	for (let d = starts; d <= ends; d = addDays(d, 1)) if (![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()) && !blocked.has(d)) openDays.push(d);
	expect(openDays.length, 'the workshop period has open weekdays').toBeGreaterThan(0);
	return { id, name, openDays };
}

/** The school invitation reaches the campus contact, who registers, confirms the address, logs in and enrols a class. */
async function teacherEnrols(day: Day, edition: Edition): Promise<Page> {
	const link = await sendSchoolInvitations(day.coordinator, day.db, edition, teacher.email, day.look);
	const page = await day.openBrowser();
	await page.goto(link);
	const form = new RegisterPage(page);
	await expect(form.heading()).toHaveText('Registreren als leerkracht');
	await expect(form.code(), 'the mailed link fills in the campus code').not.toHaveValue('');
	await waitForScripts(page);
	await shot(page, 'register-from-invitation');
	await form.name().fill(teacher.name);
	await form.email().fill(teacher.email);
	await form.password().fill(teacher.password);
	await form.submit().click();
	await expect(form.heading()).toHaveText('Bevestig je e-mailadres');
	await page.goto(await outboxLink(day.db, teacher.email, 'email_confirm'));
	await page.getByRole('button', { name: 'Bevestig mijn adres' }).click();
	// The link logs the new teacher in: straight on to their start page.
	await expect(page).toHaveURL('/teacher?notice=confirmed');
	await enrolAsTeacher(page, edition.name, { name: className, grade: 'L6', pupils: 22 });
	await expect(new TeacherHome(page).notice()).toContainText(`Klas ${className} is ingeschreven voor ${edition.name}.`);
	return page;
}

/**
 * The coordinator creates a workshop at the teacher's campus on the first open
 * weekday and puts the class in it; the trainer books it under "Open momenten".
 * Returns the slot and how many days the clock must move for it to be past.
 */
async function planWorkshop(day: Day, edition: Edition, trainerPage: Page): Promise<{ id: number; shiftDays: number }> {
	const page = day.coordinator;
	const date = edition.openDays[0];
	await page.goto(`/coordinator/editions/${edition.id}/workshops/new`);
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuw workshopmoment' })).toBeVisible();
	await waitForScripts(page);
	await page.getByLabel('Campus', { exact: true }).selectOption({ label: 'Campus Dorp (Basisschool De Zonnebloem)' });
	await page.getByLabel('Lokaal').fill('Turnzaal');
	await page.getByLabel('Datum').fill(date);
	await page.getByLabel('Beginuur').fill('10:00');
	await page.getByLabel('Einduur').fill('10:50');
	await page.getByLabel('Aangeboden aan').selectOption({ label: organisation.name });
	await page.getByRole('button', { name: 'Workshopmoment aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /, 10:00–10:50$/ })).toBeVisible();
	const id = Number(new URL(page.url()).pathname.split('/').pop());
	await page
		.getByRole('group', { name: 'Ingeschreven klassen van deze campus' })
		.getByRole('checkbox', { name: new RegExp(`^${className}\\b`) })
		.check();
	await page.getByRole('button', { name: 'Klassen bewaren' }).click();
	await expect(page.getByRole('status')).toHaveText('De klassen zijn bewaard.');

	await trainerPage.goto('/trainer');
	await trainerPage.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Open momenten' }).click();
	const card = trainerPage.getByRole('listitem').filter({ hasText: '10:00–10:50' }).filter({ hasText: 'Campus Dorp' });
	await expect(card).toContainText(className);
	await shot(trainerPage, 'trainer-open-slots');
	await card.getByRole('button', { name: 'Ik geef deze workshop' }).click();
	await expect(trainerPage).toHaveURL(new RegExp(`/trainer/workshops/${id}\\?done=booked$`));
	const daysAhead = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${brusselsToday()}T12:00:00Z`)) / 86_400_000);
	// A week later, or the day after the workshop if that is later (a holiday week).
	return { id, shiftDays: Math.max(7, daysAhead + 1) };
}

/** A week later the trainer logs in again and reports the workshop given. */
async function trainerReports(page: Page, slotId: number): Promise<void> {
	await page.context().clearCookies();
	await loginAs(page, trainer.email, trainer.password);
	await page.goto('/trainer/workshops');
	const toReport = page.getByRole('list', { name: 'Nog te rapporteren' });
	await expect(toReport.getByRole('listitem')).toHaveCount(1);
	await toReport.getByRole('link').first().click();
	await expect(page).toHaveURL(new RegExp(`/trainer/workshops/${slotId}$`));
	const given = page.getByRole('form', { name: 'De workshop is gegeven' });
	await given.getByLabel('Aantal aanwezige leerlingen').fill('21');
	await given.getByLabel('Duur in minuten').fill('50');
	await given.getByRole('button', { name: 'Gegeven: opslaan' }).click();
	await expect(page.getByText('Gerapporteerd: gegeven, 21 leerlingen aanwezig, 50 minuten.')).toBeVisible();
}

/** The teacher downloads the class certificate; it names the city, and its printed code verifies. */
async function teacherGetsCertificate(day: Day, page: Page, testInfo: TestInfo): Promise<void> {
	await page.context().clearCookies();
	await loginAs(page, teacher.email, teacher.password);
	const home = new TeacherHome(page);
	await home.goto();
	await home.openClass(home.myClasses(), className, (await day.db.get<{ name: string }>('select name from editions'))!.name);
	const section = page.getByRole('region', { name: 'Attesten' });
	await shot(page, 'teacher-class-certificates');
	const [pdf] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Klasattest in het Nederlands (PDF)' }).click()]);
	const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' });
	await testInfo.attach('class certificate (text)', { body: text, contentType: 'text/plain' });
	expect(text).toContain(city.name);
	// The city's logo (240×120, small enough to stay unscaled) is on the certificate beside its QR code.
	const images = execFileSync('pdfimages', ['-list', await pdf.path()], { encoding: 'utf8' });
	expect(images, 'the certificate carries the city logo').toMatch(/\s240\s+120\s/);
	expect(text).toContain(className);
	expect(text).toContain(campaign.name);
	// Printed with the dashes the code is shown with (issue 16).
	const address = text.match(/http:\/\/127\.0\.0\.1:\d+\/verify\/[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
	expect(address, `the certificate prints its verify address:\n${text}`).toBeTruthy();
	const stored = await day.db.get<{ code: string }>("select code from certificates where kind = 'class'");
	expect(address!.split('/').pop()!.replaceAll('-', '')).toBe(stored?.code);
	await page.goto(new URL(address!).pathname);
	await expect(page.getByRole('status')).toContainText('Dit attest is geldig.');
	await expect(page.getByRole('main')).toContainText(city.name);
	await shot(page, 'verify');
}
