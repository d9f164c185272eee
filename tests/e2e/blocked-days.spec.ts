import { expect, test } from './support/fixtures';
import { addDays, upcomingEdition } from './support/enrolment-db';
import { loginAs, waitForScripts } from './support/pages';
import { read } from './support/read-db';
import { demo } from './support/people';

/**
 * Blocked days (issue 5): the coordinator blocks a study day in the upcoming demo
 * edition and sees it listed. The day is looked up in the e2e database (a weekday
 * of the workshop period that is not blocked yet), so the test holds whatever the
 * demo seed or an earlier test blocked.
 */
function freeWeekday(edition: { id: number; workshopStartsOn: string; workshopEndsOn: string }): string {
	const blocked = new Set(
		read((db) => (db.prepare('select local_date as d from blocked_days where edition_id = ?').all(edition.id) as { d: string }[]).map((r) => r.d))
	);
	for (let d = edition.workshopStartsOn; d <= edition.workshopEndsOn; d = addDays(d, 1)) {
		const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 6 && !blocked.has(d)) return d;
	}
	throw new Error('no free weekday in the workshop period');
}

/** The first of `count` days in a row of the workshop period that none is blocked yet. */
function freeDays(edition: { id: number; workshopStartsOn: string; workshopEndsOn: string }, count: number): string {
	const blocked = new Set(
		read((db) => (db.prepare('select local_date as d from blocked_days where edition_id = ?').all(edition.id) as { d: string }[]).map((r) => r.d))
	);
	for (let d = edition.workshopStartsOn; addDays(d, count - 1) <= edition.workshopEndsOn; d = addDays(d, 1)) {
		if (Array.from({ length: count }, (_, i) => addDays(d, i)).every((day) => !blocked.has(day))) return d;
	}
	throw new Error(`no ${count} free days in a row in the workshop period`);
}

/** A date in a period's line: "12 mei 2027". */
const plain = (date: string) =>
	new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${date}T12:00:00Z`));

/** The date as the page shows it: "woensdag 12 mei 2027". */
const shown = (date: string) =>
	new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(
		new Date(`${date}T12:00:00Z`)
	);

test('a coordinator blocks a study day of the upcoming edition and sees it listed', async ({ page, checkA11y }, testInfo) => {
	const edition = upcomingEdition();
	const date = freeWeekday(edition);
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}`);
	// The edition's workshop rules are part of its settings, on its edit page.
	await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
	const rules = page.getByRole('group', { name: 'Regels voor workshops' });
	await expect(rules.getByLabel('Reistijd tussen campussen (minuten)')).toHaveValue(/^\d+$/);
	await rules.screenshot({ path: testInfo.outputPath('edition-rules-1280.png') });
	await page.getByRole('link', { name: `Terug naar ${edition.name}` }).click();
	await page.getByRole('link', { name: 'Geblokkeerde dagen (feestdagen, vakanties, examens)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Geblokkeerde dagen · ${edition.name}` })).toBeVisible();
	await expect(page.getByText('Op een geblokkeerde dag kunnen geen workshops ingepland worden')).toBeVisible();
	await checkA11y();

	// The kind select is set again while the page hydrates: choose it afterwards.
	await waitForScripts(page);
	const add = page.getByRole('region', { name: 'Dagen blokkeren' });
	await add.getByLabel('Datum of eerste dag').fill(date);
	await add.getByLabel('Soort').selectOption({ label: 'Studiedag' });
	await add.getByLabel('Omschrijving').fill('Pedagogische studiedag (e2e)');
	await add.getByRole('button', { name: 'Blokkeren' }).click();
	await expect(page.getByRole('status')).toHaveText('Geblokkeerde dagen toegevoegd: 1.');
	await expect(add.getByLabel('Datum of eerste dag')).toHaveValue('');

	const row = page.getByRole('row', { name: new RegExp(shown(date)) });
	await expect(row.getByRole('rowheader')).toHaveText(shown(date));
	await expect(row.getByRole('cell').nth(0)).toHaveText('Studiedag');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Pedagogische studiedag (e2e)');
	await checkA11y();

	await page.screenshot({ path: testInfo.outputPath('blocked-days-1280.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: testInfo.outputPath('blocked-days-390.png'), fullPage: true });
	await page.getByRole('region', { name: 'Geblokkeerde dagen van deze editie' }).screenshot({ path: testInfo.outputPath('blocked-days-table-390.png') });
	await page.setViewportSize({ width: 1280, height: 720 });

	// Blocking it again says so at the field; releasing it takes it off the list.
	await add.getByLabel('Datum of eerste dag').fill(date);
	await add.getByLabel('Soort').selectOption({ label: 'Studiedag' });
	await add.getByRole('button', { name: 'Blokkeren' }).click();
	await expect(add.getByLabel('Datum of eerste dag')).toHaveAccessibleDescription('Binnen de workshopperiode hierboven. Die dag is al geblokkeerd.');
	await expect(add.getByLabel('Datum of eerste dag')).toHaveAttribute('aria-invalid', 'true');
	await row.getByRole('button', { name: `Vrijgeven ${shown(date)}` }).click();
	await expect(page.getByRole('status')).toHaveText('De dag is vrijgegeven.');
	await expect(page.getByRole('row', { name: new RegExp(shown(date)) })).toHaveCount(0);
});

test('days blocked in a row show as one period, which is released at once', async ({ page, checkA11y }, testInfo) => {
	const edition = upcomingEdition();
	const from = freeDays(edition, 3);
	const to = addDays(from, 2);
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/blocked-days`);
	await waitForScripts(page);
	const add = page.getByRole('region', { name: 'Dagen blokkeren' });
	await add.getByLabel('Datum of eerste dag').fill(from);
	await add.getByLabel('Laatste dag').fill(to);
	await add.getByLabel('Soort').selectOption({ label: 'Examens' });
	await add.getByLabel('Omschrijving').fill('Examenweek (e2e)');
	await add.getByRole('button', { name: 'Blokkeren' }).click();
	await expect(page.getByRole('status')).toHaveText('Geblokkeerde dagen toegevoegd: 3.');

	const period = `${plain(from)} – ${plain(to)}`;
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${period} 3 dagen` }) });
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell').nth(0)).toHaveText('Examens');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Examenweek (e2e)');
	await checkA11y();
	await page.setViewportSize({ width: 390, height: 844 });
	await row.screenshot({ path: testInfo.outputPath('blocked-period-390.png') });
	await page.setViewportSize({ width: 1280, height: 720 });

	await row.getByRole('button', { name: `Vrijgeven ${period}` }).click();
	await expect(page.getByRole('status')).toHaveText('Vrijgegeven dagen: 3.');
	await expect(row).toHaveCount(0);
	expect(
		read((db) => db.prepare('select count(*) as n from blocked_days where edition_id = ? and local_date between ? and ?').get(edition.id, from, to))
	).toEqual({ n: 0 });
});

test('a day outside the workshop period is refused with a clear message', async ({ page, checkA11y }) => {
	const edition = upcomingEdition();
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/blocked-days`);
	await waitForScripts(page);
	const add = page.getByRole('region', { name: 'Dagen blokkeren' });
	await add.getByLabel('Datum of eerste dag').fill(addDays(edition.workshopEndsOn, 1));
	await add.getByLabel('Soort').selectOption({ label: 'Examens' });
	await add.getByRole('button', { name: 'Blokkeren' }).click();
	await expect(add.getByLabel('Datum of eerste dag')).toHaveAccessibleDescription(
		/^Binnen de workshopperiode hierboven\. Die dag valt buiten de workshopperiode van deze editie\./
	);
	await expect(page.getByRole('alert')).toBeFocused();
	await checkA11y();
});

/**
 * Issue 17: the Flemish school holidays are blocked beside the public holidays
 * (the demo seed fills them in from its day on), each named; a list for a year
 * the rules do not cover comes in as a file, all or nothing, each bad line named.
 */
test('school holidays are named, and a CSV import refuses a bad line before it adds anything', async ({ page, checkA11y }, testInfo) => {
	const edition = upcomingEdition();
	const holiday = read(
		(db) =>
			db
				.prepare("select local_date as d from blocked_days where edition_id = ? and kind = 'school_holiday' and label is null order by local_date limit 1")
				.get(edition.id) as { d: string } | undefined
	);
	const date = freeWeekday(edition);
	await loginAs(page, demo.coordinator.email);
	await page.goto(`/coordinator/editions/${edition.id}/blocked-days`);
	await waitForScripts(page);
	if (holiday) {
		// The first school holiday day starts a line, alone ("zaterdag 24 oktober 2026") or as a period ("24 oktober 2026 – …").
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^(\\p{L}+ )?${plain(holiday.d)}\\b`, 'u') }) });
		await expect(row.getByRole('cell').nth(0)).toHaveText('Schoolvakantie');
		await expect(row.getByRole('cell').nth(1)).toHaveText(/^(Herfstvakantie|Kerstvakantie|Krokusvakantie|Paasvakantie|Zomervakantie)( met .+)?$/);
	}
	await expect(page.getByRole('button', { name: 'Feestdagen en schoolvakanties invullen' })).toBeVisible();

	const importer = page.getByRole('region', { name: 'Dagen importeren' });
	const upload = (text: string) =>
		importer.getByLabel('Bestand (CSV of .ics)').setInputFiles({ name: 'vrije-dagen.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await upload(`datum;tot;omschrijving\n${date};;Lokale verlofdag (e2e)\n2027-02-30;;Studiedag\n`);
	await importer.getByLabel('Soort van de geïmporteerde dagen').selectOption({ label: 'Andere' });
	await importer.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByRole('alert')).toContainText('Er is niets geïmporteerd.');
	await expect(importer.getByRole('region', { name: 'Regels die niet kloppen' })).toHaveText(
		'Regel 3: „2027-02-30” is geen geldige datum. Schrijf de datum als 2027-02-08 of 08/02/2027.'
	);
	await expect(page.getByRole('row', { name: new RegExp(shown(date)) })).toHaveCount(0);
	await checkA11y();
	await page.screenshot({ path: testInfo.outputPath('blocked-days-import-error-1280.png'), fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await importer.screenshot({ path: testInfo.outputPath('blocked-days-import-error-390.png') });
	await page.setViewportSize({ width: 1280, height: 720 });

	await waitForScripts(page);
	await upload(`${date};Lokale verlofdag (e2e)\n`);
	await importer.getByLabel('Soort van de geïmporteerde dagen').selectOption({ label: 'Andere' });
	await importer.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByRole('status')).toHaveText('Geblokkeerde dagen toegevoegd: 1.');
	const row = page.getByRole('row', { name: new RegExp(shown(date)) });
	await expect(row.getByRole('cell').nth(0)).toHaveText('Andere');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Lokale verlofdag (e2e)');
	await row.getByRole('button', { name: `Vrijgeven ${shown(date)}` }).click();
	await expect(page.getByRole('status')).toHaveText('De dag is vrijgegeven.');
});
