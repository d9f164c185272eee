import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** How far the page scrolls sideways (0 when it fits its width). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * axe and a screenshot of the page at a desk's width (1280) and a phone's (390);
 * on the phone the page must not scroll sideways. The viewport goes back to 1280
 * afterwards. Screenshots land in the test's output as "<name>-<width>.png".
 */
export async function atBothWidths(page: Page, name: string, checkA11y: (p?: Page) => Promise<void>): Promise<void> {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		await checkA11y(page);
		await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
		if (width === 390) expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}
