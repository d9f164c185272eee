import { expect, test } from './support/fixtures';

/**
 * The built app, as `npm start` serves it, sends Chromium its pages and its own
 * script and style files compressed (issue 16, point 9): the page per request
 * (hooks/compression.ts), the /_app files as written at build time (precompress).
 */
test('the login page and its scripts and styles reach Chromium compressed, and the page works', async ({ page }) => {
	const assets: { url: string; encoding: string | undefined }[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.startsWith('/_app/immutable/')) assets.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
	});
	const answer = await page.goto('/login');
	expect(answer?.status()).toBe(200);
	expect(['br', 'gzip']).toContain(answer?.headers()['content-encoding']);
	expect(answer?.headers()['vary']).toContain('Accept-Encoding');
	// Decompressed by the browser: the page shows and takes a login.
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
	await page.getByLabel('E-mailadres').fill('teacher@example.org');
	await page.getByLabel('Wachtwoord').fill('Paars-demo-2026');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL('/teacher');

	const scripts = assets.filter((a) => a.url.endsWith('.js'));
	const styles = assets.filter((a) => a.url.endsWith('.css'));
	expect(scripts.length).toBeGreaterThan(0);
	expect(styles.length).toBeGreaterThan(0);
	for (const asset of [...scripts, ...styles]) expect(['br', 'gzip'], asset.url).toContain(asset.encoding);
});

test('a client that accepts no compression gets the page as it is', async ({ request }) => {
	const answer = await request.get('/login', { headers: { 'accept-encoding': 'identity' } });
	expect(answer.status()).toBe(200);
	expect(answer.headers()['content-encoding']).toBeUndefined();
	expect(await answer.text()).toContain('<html lang="nl"');
});
