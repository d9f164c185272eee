import type { Browser, Cookie } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';
import { demo } from './support/people';

/**
 * A page that jumps while it loads makes people click the wrong thing. The app's
 * own font came late (found only in the stylesheet), the text re-flowed in it and
 * the coordinator's start page moved by a layout shift of 0.74 (Lighthouse; 0.1 is
 * "good"). Measured here as a first visit would see it: a fresh context with an
 * empty cache, the shifts the browser reports until the fonts are in.
 */
async function shiftOnFirstVisit(browser: Browser, baseURL: string, path: string, cookies: Cookie[] = []) {
	const context = await browser.newContext({ baseURL, locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
	await context.addCookies(cookies);
	const page = await context.newPage();
	await page.goto(path);
	const shift = await page.evaluate(async () => {
		await document.fonts.ready;
		// Two frames after the fonts: a re-flow they cause has been laid out and reported.
		await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		return new Promise<number>((done) => {
			let sum = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
					if (!entry.hadRecentInput) sum += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
			setTimeout(() => done(sum), 200);
		});
	});
	const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Variable"'));
	await context.close();
	return { shift, fontLoaded };
}

test('the login page and each start page do not move while the font loads', async ({ browser, baseURL, page }) => {
	const first = await shiftOnFirstVisit(browser, baseURL!, '/login');
	expect(first.fontLoaded).toBe(true);
	expect(first.shift).toBeLessThan(0.1);
	for (const [who, path] of [
		[demo.coordinator.email, '/coordinator'],
		[demo.teacher.email, '/teacher'],
		[demo.trainer.email, '/trainer']
	] as const) {
		await page.context().clearCookies();
		await loginAs(page, who);
		const { shift } = await shiftOnFirstVisit(browser, baseURL!, path, await page.context().cookies());
		expect(shift, `layout shift on ${path}`).toBeLessThan(0.1);
	}
});
