import { readSheet } from 'read-excel-file/node';
import { expect, test } from './support/fixtures';
import { mailLink } from './support/db';
import { upcomingEdition } from './support/enrolment-db';
import { activeClasses, editionClasses } from './support/overview-db';
import { OverviewPage, asCsvCell, column, dutchHeader, enrolAsDemoTeacher, englishHeader, fileName, line, pageSize, readCsv } from './support/overview';
import { loginAs, welcome } from './support/pages';
import { demo, newPassword, unique, uniqueEmail } from './support/people';

test.describe('enrolment overview', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, demo.coordinator.email);
	});

	test('opens from the start page and shows the totals and every class on one page', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const classes = editionClasses(edition.id);
		const active = activeClasses(classes);
		const overview = new OverviewPage(page, edition);

		await expect(welcome(page, demo.coordinator.name)).toBeVisible();
		await checkA11y();
		const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: edition.name, exact: true }) });
		await card.locator('xpath=following-sibling::p[1]').getByRole('link', { name: 'Inschrijvingen bekijken' }).click();
		await overview.ready();

		await overview.expectTotals(classes);
		await expect(overview.totals()).not.toContainText('Met de gekozen filters.');
		await overview.expectClasses(active);
		// The demo teacher's classes, as a newcomer sees them (db/seeds/demo-classes.ts).
		expect(await overview.rows()).toEqual(
			expect.arrayContaining([
				'Campus Centrum | 1A | S1 | 24 | Ingeschreven',
				'Campus Centrum | 2B | S2 | 22 | Ingeschreven',
				'Campus Centrum | 3 Latijn | S3 | 19 | Ingeschreven'
			])
		);
		// The withdrawn class of Campus Overleie is not listed by default.
		const withdrawn = classes.filter((c) => c.status === 'withdrawn');
		expect(withdrawn.map((c) => `${c.campus} ${c.name}`)).toContain('Campus Overleie L4');
		for (const c of withdrawn) expect(await overview.rows()).not.toContain(line(c));

		// Default order: by school, each campus's classes under one heading with how many there are.
		await expect(overview.groupSortLink('school')).toHaveAttribute('aria-current', 'true');
		const groups = await overview.groups();
		const centrum = groups.find((g) => g.heading.startsWith('Sint-Maartenscollege – Campus Centrum'))!;
		const ofCentrum = active.filter((c) => c.campus === 'Campus Centrum').length;
		expect(centrum.heading).toContain(`Kortrijk · ${ofCentrum} klassen`);
		expect(centrum.rows).toBe(ofCentrum);
		expect(new Set(groups.map((g) => g.heading)).size, 'one heading per campus').toBe(groups.length);
		const schools = groups.map((g) => g.heading.split(' – ')[0]);
		expect(schools).toEqual([...schools].sort((a, b) => a.localeCompare(b, 'nl')));
		// Dates are short, in a <time> that machines read in full.
		await expect(overview.table().locator('time').first()).toHaveText(/^\d{1,2} [a-z]{3}\.?( \d{4})?$/);
		await expect(overview.table().locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);

		// At 1280 px the table fits: nothing is cut off or scrolls sideways.
		const [scrollWidth, clientWidth] = await overview.table().evaluate((t) => [t.parentElement!.scrollWidth, t.parentElement!.clientWidth]);
		expect(scrollWidth, 'the table fits its box at 1280 px').toBeLessThanOrEqual(clientWidth);
		await expect(overview.table().getByRole('columnheader')).toHaveCount(5);
		const lastDate = (await overview.table().locator('time').last().boundingBox())!;
		expect(lastDate.x + lastDate.width).toBeLessThanOrEqual(1280);

		// The filters are open at desk width and say none is on.
		await expect(page.locator('summary').filter({ hasText: /^Filters/ })).toHaveText('Filters');
		await expect(overview.search()).toBeVisible();

		// Every class fits on one page of 50; a stale link to a later page shows the last page.
		const pages = Math.max(1, Math.ceil(active.length / pageSize));
		if (pages === 1) await expect(overview.pagination()).toHaveCount(0);
		else await expect(overview.pagination()).toContainText(`Pagina 1 van ${pages}`);
		await checkA11y();
		await page.goto(`/coordinator/editions/${edition.id}/enrolments?page=${pages + 2}`);
		await overview.ready();
		await expect(
			overview
				.table()
				.getByRole('row')
				.filter({ has: page.getByRole('cell') })
		).toHaveCount(active.length - (pages - 1) * pageSize);

		// The edition's page links to the overview too.
		await page.getByRole('link', { name: 'Terug naar de editie' }).click();
		await expect(page.getByRole('heading', { level: 1, name: edition.name })).toBeVisible();
		await checkA11y();
		await page.getByRole('region', { name: 'Taken' }).getByRole('link', { name: 'Inschrijvingen', exact: true }).click();
		await overview.ready();
		await overview.expectClasses(active);
	});

	test('filters by school and by level; the totals follow the filter', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const classes = editionClasses(edition.id);
		const overview = new OverviewPage(page, edition);
		await overview.goto();

		// A search field, not a list of every school: part of the name will do.
		await expect(overview.school()).toHaveValue('');
		await overview.filter({ school: 'maartens' });
		await expect(page).toHaveURL(/school=maartens/);
		const ofSchool = classes.filter((c) => c.school === 'Sint-Maartenscollege');
		await overview.expectClasses(activeClasses(ofSchool));
		await overview.expectTotals(ofSchool);
		await expect(overview.totals()).toContainText('Met de gekozen filters.');
		await expect(overview.school()).toHaveValue('maartens');
		await checkA11y();

		// So will the instellingsnummer.
		await overview.filter({ school: '900101' });
		await overview.expectClasses(activeClasses(ofSchool));

		await overview.school().fill('');
		await overview.filter({ level: 'Lager onderwijs' });
		await expect(page).toHaveURL(/level=lager/);
		await expect(page).not.toHaveURL(/school=[^&]/);
		const primary = classes.filter((c) => c.level === 'lager');
		await overview.expectClasses(activeClasses(primary));
		await overview.expectTotals(primary);
		for (const row of await overview.rows()) expect(row.split(' | ')[2]).toMatch(/^L\d$/);

		// "Filters wissen" shows every class again.
		await page.getByRole('search').getByRole('link', { name: 'Filters wissen' }).click();
		await overview.ready();
		await overview.expectClasses(activeClasses(classes));
		await expect(overview.totals()).not.toContainText('Met de gekozen filters.');
	});

	test('the waiting list in its order, and withdrawn classes only when asked for', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const classes = editionClasses(edition.id);
		const overview = new OverviewPage(page, edition);
		await overview.goto();

		await expect(overview.status().getByRole('option')).toHaveText([
			'Zonder uitgeschreven',
			'Ingeschreven',
			'Wachtlijst',
			'Uitgeschreven',
			'Alle, ook uitgeschreven'
		]);
		await expect(overview.status()).toHaveValue('');

		await overview.filter({ status: 'Wachtlijst' });
		await expect(page).toHaveURL(/status=waiting/);
		const waiting = classes.filter((c) => c.status === 'waiting').sort((a, b) => a.position! - b.position!);
		expect(
			waiting.map((c) => c.position),
			'places on the waiting list are consecutive'
		).toEqual(waiting.map((_, i) => i + 1));
		await overview.expectClasses(waiting);
		// The demo starts with a full Campus Stationsplein and two classes waiting; other specs may move them up.
		expect(waiting.length).toBeGreaterThan(0);
		// Sorted by status, the waiting classes come in the order of the list.
		await overview.sortLink('Status').click();
		await overview.ready();
		await expect.poll(() => overview.rows()).toEqual(waiting.map(line));
		await checkA11y();

		await overview.filter({ status: 'Uitgeschreven' });
		await expect(page).toHaveURL(/status=withdrawn/);
		const withdrawn = classes.filter((c) => c.status === 'withdrawn');
		await overview.expectClasses(withdrawn);
		await expect(
			overview
				.table()
				.getByRole('rowgroup')
				.filter({ has: page.getByRole('rowheader', { name: /Campus Overleie/ }) })
				.getByRole('row')
				.filter({ has: page.getByRole('link', { name: 'Klas L4 van Campus Overleie openen' }) })
		).toContainText('Uitgeschreven');

		await overview.filter({ status: 'Alle, ook uitgeschreven' });
		await overview.expectClasses(classes);
	});

	test('searches a class by name', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const classes = editionClasses(edition.id);
		const overview = new OverviewPage(page, edition);
		await overview.goto();

		await overview.filter({ q: 'latijn' });
		await expect(page).toHaveURL(/q=latijn/);
		const found = activeClasses(classes).filter((c) => /latijn/i.test(`${c.name} ${c.campus} ${c.school}`));
		expect(found.map((c) => c.name)).toContain('3 Latijn');
		await overview.expectClasses(found);
		await expect(overview.search()).toHaveValue('latijn');

		await overview.filter({ q: 'geen klas heet zo' });
		await expect(overview.list()).toContainText('Geen klassen gevonden met deze filters.');
		await expect(overview.table()).toHaveCount(0);
		await expect(overview.csvLink()).toHaveCount(0);
		await checkA11y();
	});

	test('sorts by pupils; sorting, filtering and downloading keep the other choices', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		const secondary = activeClasses(editionClasses(edition.id)).filter((c) => c.level === 'secundair');
		const overview = new OverviewPage(page, edition);
		await overview.goto();
		await overview.filter({ level: 'Secundair onderwijs' });
		await overview.expectClasses(secondary);

		await expect(overview.sortLink('Leerlingen')).toHaveAttribute('href', /level=secundair/);
		await overview.sortLink('Leerlingen').click();
		await expect(page).toHaveURL(/sort=pupils/);
		await expect(page).toHaveURL(/level=secundair/);
		await overview.ready();
		const pupilsHeader = overview.table().getByRole('columnheader', { name: /^Leerlingen/ });
		await expect(pupilsHeader).toHaveAttribute('aria-sort', 'ascending');
		const ascending = secondary.map((c) => c.pupils).sort((a, b) => a - b);
		await expect.poll(() => overview.pupils()).toEqual(ascending);
		await checkA11y();

		// A second click reverses the order: the largest classes first.
		await overview.sortLink('Leerlingen').click();
		await expect(page).toHaveURL(/dir=desc/);
		await overview.ready();
		await expect(pupilsHeader).toHaveAttribute('aria-sort', 'descending');
		await expect.poll(async () => (await overview.pupils()).slice(0, 3)).toEqual([...ascending].reverse().slice(0, 3));
		await overview.expectClasses(secondary);

		// The other links carry the filter; the downloads carry it too (but not the sort: files come in enrolment order).
		await expect(overview.sortLink('Klas')).toHaveAttribute('href', /level=secundair/);
		await expect(overview.sortLink('Klas')).toHaveAttribute('href', /sort=class/);
		for (const link of [overview.csvLink(), overview.xlsxLink()]) {
			await expect(link).toHaveAttribute('href', /level=secundair/);
			await expect(link).not.toHaveAttribute('href', /sort=/);
		}

		// Filtering further keeps the sort.
		await overview.filter({ school: 'Atheneum Leiestad' });
		await expect(page).toHaveURL(/sort=pupils/);
		await expect(page).toHaveURL(/dir=desc/);
		await expect(page).toHaveURL(/level=secundair/);
		const atheneum = secondary.filter((c) => c.school === 'Atheneum Leiestad');
		await overview.expectClasses(atheneum);
		await expect.poll(() => overview.pupils()).toEqual(atheneum.map((c) => c.pupils).sort((a, b) => b - a));
		await expect(overview.csvLink()).toHaveAttribute('href', /school=Atheneum\+Leiestad/);
	});

	test('downloads the filtered list as CSV for Excel, without remarks and safe against formulas', async ({ page, openBrowser, checkA11y }) => {
		const edition = upcomingEdition();
		const remarked = `Klas ${unique()}`;
		const formula = `=HYPERLINK("http://x.be/${unique()}")`;
		const teacher = await openBrowser();
		await loginAs(teacher, demo.teacher.email);
		await enrolAsDemoTeacher(teacher, edition, { name: remarked, grade: 'S2', pupils: 21, remarks: 'geen namen hier' });
		await checkA11y(teacher);
		await enrolAsDemoTeacher(teacher, edition, { name: formula, grade: 'S3', pupils: 17 });
		const classes = editionClasses(edition.id);
		expect(classes.find((c) => c.name === remarked)?.remarks, 'the remark is stored').toBe('geen namen hier');

		const overview = new OverviewPage(page, edition);
		await overview.goto();
		await overview.filter({ school: 'Sint-Maartenscollege' });
		const expected = activeClasses(classes).filter((c) => c.school === 'Sint-Maartenscollege');
		await overview.expectClasses(expected);
		// On the page the name is shown as typed.
		await expect(overview.table().getByRole('link', { name: `Klas ${formula} van Campus Centrum openen` })).toHaveText(formula);
		await checkA11y();

		const download = await overview.download('Download CSV');
		expect(download.suggestedFilename()).toBe(fileName(edition, 'inschrijvingen', 'csv'));
		const { text, rows } = await readCsv(download);
		const [header, ...data] = rows;
		expect(header).toEqual(dutchHeader);
		expect(text.split('\r\n')[0], 'cells are separated by ;').toBe(dutchHeader.join(';'));
		expect(header).not.toContain('Opmerkingen');
		expect(text).not.toContain('geen namen hier');

		// Only the school's classes, in enrolment order, the new ones included.
		expect(data.map((r) => r[column('School')])).toEqual(expected.map(() => 'Sint-Maartenscollege'));
		expect(data.map((r) => r[column('Instellingsnummer')])).toEqual(expected.map(() => '900101'));
		expect(data.map((r) => [r[column('Campus')], r[column('Leerjaar')], r[column('Leerlingen')]])).toEqual(
			expected.map((c) => [c.campus, c.grade, String(c.pupils)])
		);
		expect(data.map((r) => r[column('Klas')])).toEqual(expected.map((c) => asCsvCell(c.name)));
		expect(data.map((r) => r[column('Klas')])).toContain(`'${formula}`);
		expect(data.find((r) => r[column('Klas')] === remarked)).toEqual(expect.arrayContaining(['Secundair onderwijs', 'Nederlands']));
		for (const r of data) expect(r[column('Ingeschreven op')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		// The formula is written as text: a leading apostrophe, the quotes doubled inside a quoted cell.
		expect(text).toContain(`;"'${formula.replace(/"/g, '""')}";`);
		expect(text).not.toMatch(/;=HYPERLINK/);
	});

	test('downloads the same rows as an Excel workbook, with numbers as numbers', async ({ page }) => {
		const edition = upcomingEdition();
		const overview = new OverviewPage(page, edition);
		await overview.goto();
		await overview.filter({ school: 'Atheneum Leiestad' });
		const expected = activeClasses(editionClasses(edition.id)).filter((c) => c.school === 'Atheneum Leiestad');
		await overview.expectClasses(expected);
		expect(
			expected.some((c) => c.status === 'waiting'),
			'the school has classes on the waiting list'
		).toBe(true);

		const csv = (await readCsv(await overview.download('Download CSV'))).rows;
		const download = await overview.download('Download Excel');
		expect(download.suggestedFilename()).toBe(fileName(edition, 'inschrijvingen', 'xlsx'));
		const [header, ...data] = await readSheet(await download.path());

		expect(header).toEqual(dutchHeader);
		expect(data).toHaveLength(expected.length);
		expect(data.map((r) => r[column('Leerlingen')])).toEqual(expected.map((c) => c.pupils));
		expect(data.map((r) => r[column('Plaats op de wachtlijst')])).toEqual(expected.map((c) => c.position));
		expect(data.map((r) => r[column('Status')])).toEqual(expected.map((c) => (c.status === 'waiting' ? 'Wachtlijst' : 'Ingeschreven')));
		// The instellingsnummer stays text (a number would lose leading zeros); the date is a date.
		for (const r of data) {
			expect(r[column('Instellingsnummer')]).toBe('900303');
			expect(r[column('Ingeschreven op')]).toBeInstanceOf(Date);
		}
		expect(
			data.map((r) => r.map(asCsvCell)),
			'the workbook holds the rows of the CSV'
		).toEqual(csv.slice(1));
	});
});

test.describe('enrolment overview on a phone-sized screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the page does not scroll sideways; each class is a card under its campus; the filters fold', async ({ page, checkA11y }) => {
		const edition = upcomingEdition();
		await loginAs(page, demo.coordinator.email);
		const overview = new OverviewPage(page, edition);
		await overview.goto();
		// Folded, so the list starts on the first screen.
		await expect(overview.search()).toBeHidden();
		await expect(page.locator('summary').filter({ hasText: /^Filters/ })).toHaveText('Filters');
		await checkA11y();
		await overview.filter({ status: 'Alle, ook uitgeschreven' });
		await expect(page.locator('summary').filter({ hasText: /^Filters/ })).toHaveText('Filters (1 actief)');
		await overview.expectClasses(editionClasses(edition.id));

		const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(sideways, 'the page scrolls sideways').toBeLessThanOrEqual(0);
		// The downloads wrap onto the screen; the table is wider and scrolls inside its own box.
		for (const link of [overview.csvLink(), overview.xlsxLink()]) {
			const box = (await link.boundingBox())!;
			expect(box.x + box.width, 'the download link fits the width of the screen').toBeLessThanOrEqual(390);
		}
		// Every column fits: each class is a card whose cells name their column.
		const [tableWidth, boxWidth] = await overview.table().evaluate((table) => [table.scrollWidth, table.parentElement!.clientWidth]);
		expect(tableWidth).toBeLessThanOrEqual(boxWidth);
		expect(boxWidth).toBeLessThanOrEqual(390);
		const card = overview
			.table()
			.getByRole('row')
			.filter({ has: page.getByRole('cell') })
			.first();
		const date = card.locator('time');
		await date.scrollIntoViewIfNeeded();
		await expect(date).toBeInViewport({ ratio: 1 });
		const dateBox = (await date.boundingBox())!;
		expect(dateBox.x + dateBox.width).toBeLessThanOrEqual(390);
		const label = await card
			.getByRole('cell')
			.nth(2)
			.evaluate((td) => getComputedStyle(td, '::before').content);
		expect(label).toContain('"Leerlingen"');
		const cardHeight = (await card.boundingBox())!.height;
		expect(cardHeight, 'a card stays compact').toBeLessThan(200);
		await checkA11y();
	});
});

test.describe('enrolment overview in English', () => {
	test('a coordinator who switches to English downloads a CSV with an English header', async ({ page, openBrowser, checkA11y }) => {
		// A coordinator of their own: the switch is stored in the profile, and the demo coordinator stays Dutch.
		const suffix = unique();
		const email = uniqueEmail('coordinator.en', suffix);
		await loginAs(page, demo.coordinator.email);
		await page.goto('/coordinator/people');
		const invite = page.getByRole('region', { name: 'Iemand uitnodigen' });
		await invite.getByLabel('Naam', { exact: true }).fill(`Coördinator ${suffix}`);
		await invite.getByLabel('E-mailadres', { exact: true }).fill(email);
		await invite.getByLabel('Rol', { exact: true }).selectOption({ label: 'coördinator' });
		await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		await expect(page.getByRole('status')).toContainText(`${email} is uitgenodigd`);
		await checkA11y();

		const coordinator = await openBrowser();
		await coordinator.goto(await mailLink(email, 'invite'));
		await expect(coordinator.getByRole('heading', { level: 1, name: 'Uitnodiging aanvaarden' })).toBeVisible();
		await checkA11y(coordinator);
		await coordinator.getByLabel('Wachtwoord', { exact: true }).fill(newPassword(suffix));
		await coordinator.getByRole('button', { name: 'Wachtwoord opslaan en aanmelden' }).click();
		await expect(coordinator).toHaveURL('/coordinator');

		await coordinator.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
		await expect(coordinator.getByRole('heading', { level: 1, name: `Welcome, Coördinator ${suffix}` })).toBeVisible();
		const edition = upcomingEdition();
		const card = coordinator.getByRole('article').filter({ has: coordinator.getByRole('heading', { name: edition.name, exact: true }) });
		await card.locator('xpath=following-sibling::p[1]').getByRole('link', { name: 'See enrolments' }).click();
		await expect(coordinator.getByRole('heading', { level: 1, name: `Enrolments ${edition.name}` })).toBeVisible();
		await expect(coordinator.getByRole('region', { name: 'Totals' }).getByRole('listitem').filter({ hasText: 'pupils reached' })).toBeVisible();
		await checkA11y(coordinator);

		const downloading = coordinator.waitForEvent('download');
		await coordinator.getByRole('link', { name: 'Download CSV' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(fileName(edition, 'enrolments', 'csv'));
		const { rows } = await readCsv(download);
		expect(rows[0]).toEqual(englishHeader);
		const active = activeClasses(editionClasses(edition.id));
		expect(rows).toHaveLength(active.length + 1);
		expect(new Set(rows.slice(1).map((r) => r[column('Status')]))).toEqual(new Set(active.map((c) => (c.status === 'waiting' ? 'Waiting list' : 'Enrolled'))));
	});
});
