import { expect, test } from './support/fixtures';
import { campusId, campusInviteCode } from './support/db';
import { loginAs } from './support/pages';
import { demo } from './support/people';

test.describe('who may see what', () => {
	test('a teacher gets a 403 page on coordinator pages', async ({ page, checkA11y }) => {
		await loginAs(page, demo.teacher.email);
		for (const path of ['/coordinator', '/coordinator/people', '/coordinator/campuses']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
			await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
			await expect(page.getByText('Je hebt geen toegang tot deze pagina met je huidige rol.')).toBeVisible();
		}
		// The error page keeps the header, so the teacher can find the way back.
		await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
		await checkA11y();
	});

	test('a trainer gets a 403 page on the teacher page', async ({ page }) => {
		await loginAs(page, demo.trainer.email);
		const response = await page.goto('/teacher');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
	});

	test('a coordinator action posted by a teacher is refused with a plain 403', async ({ page, baseURL }) => {
		await loginAs(page, demo.teacher.email);
		const before = campusInviteCode('Campus Dorp');
		// Same origin as a form in the app, so only the role check can refuse it.
		const response = await page.request.post('/coordinator/campuses?/regenerate', {
			form: { campusId: String(campusId('Campus Dorp')), name: 'Campus Dorp' },
			headers: { origin: baseURL! }
		});
		expect(response.status()).toBe(403);
		expect(await response.text()).toBe('Forbidden');
		expect(campusInviteCode('Campus Dorp')).toBe(before);
	});

	test('an anonymous post to a coordinator action is refused', async ({ request, baseURL }) => {
		const response = await request.post('/coordinator/people?/disable', {
			form: { userId: '1', name: 'Griet Coppens' },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status()).toBe(401);
	});

	test('an unknown page shows a 404 page', async ({ page, checkA11y }) => {
		const response = await page.goto('/does-not-exist');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
		await page.getByRole('link', { name: 'Naar de startpagina' }).click();
		await expect(page).toHaveURL('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Campagnes voor gelijke kansen in scholen' })).toBeVisible();
		await page.goto('/does-not-exist');
		await checkA11y();
	});

	test('the health check answers', async ({ request }) => {
		const response = await request.get('/health');
		expect(response.status()).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
	});
});
