import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';

/** The demo seed's fixed certificate codes (db/seeds/demo-certificates.ts, named in the README). */
const valid = 'DEM0C-ERT1F-1CAT0';
const revoked = 'REV0K-ED0EM-0CERT';
const trainer = 'TRA1N-ERDEM-0C0DE';

test.describe('certificate verification', () => {
	test('a visitor types the demo code and sees a valid class certificate', async ({ page, checkA11y }, testInfo) => {
		await page.goto('/verify');
		await page.getByLabel('Code van het attest').fill(valid.toLowerCase().replace(/-/g, ' '));
		await page.getByRole('button', { name: 'Controleren' }).click();
		await expect(page).toHaveURL('/verify/DEM0CERT1F1CAT0');
		await expect(page.getByRole('status')).toContainText('Dit attest is geldig.');
		await expect(page.getByText(/Klas 1A van Campus Centrum \(.+\) nam deel aan PAARS \d{4}, een campagne van Stad Kortrijk in scholen\./)).toBeVisible();
		await expect(page.getByText(valid)).toBeVisible();
		await checkA11y();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('verify-valid-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('verify-valid-390.png'), fullPage: true });
	});

	test('a revoked code says so, and unknown and malformed codes get the same page', async ({ page, checkA11y }) => {
		await page.goto(`/verify/${revoked}`);
		await expect(page.getByRole('status')).toContainText('ingetrokken en niet meer geldig');
		await expect(page.getByText('Ingetrokken op')).toBeVisible();
		await checkA11y();

		await page.goto('/verify/ZZZZZ-ZZZZZ-ZZZZZ');
		const unknown = await page.getByRole('main').innerText();
		expect(unknown).toContain('We vinden geen geldig attest met deze code.');
		await checkA11y();
		await page.goto('/verify/not-a-code');
		expect(await page.getByRole('main').innerText()).toBe(unknown);
	});

	test('a trainer certificate names the organisation, and checks a typed name without showing it', async ({ page, checkA11y }, testInfo) => {
		await page.goto(`/verify/${trainer}`);
		await expect(page.getByText(/Een begeleider van Wel Jong gaf workshops/)).toBeVisible();
		await expect(page.getByRole('main')).not.toContainText('Robin');
		await page.getByRole('textbox', { name: 'Naam op het attest' }).fill('robin claeys');
		await page.getByRole('button', { name: 'Naam nakijken' }).click();
		await expect(page.getByText('De naam klopt met dit attest.')).toBeVisible();
		await checkA11y();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('verify-trainer-390.png'), fullPage: true });
		await page.getByRole('textbox', { name: 'Naam op het attest' }).fill('Iemand Anders');
		await page.getByRole('button', { name: 'Naam nakijken' }).click();
		await expect(page.getByText('De naam klopt niet met dit attest.')).toBeVisible();
	});

	test('a coordinator reissues the demo class certificate: the old code is revoked, the new one valid', async ({ page, checkA11y }, testInfo) => {
		await loginAs(page, 'coordinator@example.org');
		await page.goto('/coordinator/editions');
		await page
			.getByRole('link', { name: /PAARS 2026/ })
			.first()
			.click();
		await page.getByRole('link', { name: 'Attesten' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Attesten van PAARS 2026');
		const row = page.getByRole('row').filter({ hasText: valid });
		await expect(row).toContainText('1A · Campus Centrum');
		await expect(page.getByRole('row').filter({ hasText: revoked })).toContainText('Ingetrokken');
		await checkA11y();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: testInfo.outputPath('certificates-1280.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: testInfo.outputPath('certificates-390.png'), fullPage: true });
		await row.getByRole('button', { name: /Opnieuw uitreiken/ }).click();
		const notice = page.getByRole('status').filter({ hasText: 'opnieuw uitgereikt' });
		await expect(notice).toBeVisible();
		const fresh = /code ([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})/.exec(await notice.innerText())![1];
		await page.goto(`/verify/${valid}`);
		await expect(page.getByRole('status')).toContainText('ingetrokken');
		await page.goto(`/verify/${fresh}`);
		await expect(page.getByRole('status')).toContainText('Dit attest is geldig.');
		await expect(page.getByText(/Klas 1A van Campus Centrum/)).toBeVisible();
	});

	// Last: it blocks this address for the verify page for ten minutes.
	test('a client that keeps guessing codes is told to wait', async ({ page }) => {
		let status = 200;
		for (let i = 0; i < 70 && status !== 429; i++) status = (await page.request.get(`/verify/GUESS${String(i).padStart(10, '0')}`)).status();
		expect(status).toBe(429);
		const response = await page.goto('/verify/ZZZZZ-ZZZZZ-ZZZZZ');
		expect(response?.status()).toBe(429);
		expect(response?.headers()['retry-after']).toBeTruthy();
		await expect(page.getByRole('main')).toContainText(/Te veel controles van op dit adres\. Wacht \d+ minuten/);
	});
});
