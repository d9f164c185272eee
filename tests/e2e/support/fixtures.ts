import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export { expect };

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and fails on any serious or critical WCAG
 * 2.1 A/AA violation, naming each rule and the elements it found. The full axe
 * result is attached to the test report.
 */
export async function expectAccessible(page: Page, testInfo?: TestInfo): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const where = new URL(page.url()).pathname;
	if (blocking.length > 0 && testInfo) {
		await testInfo.attach(`axe ${where}`, { body: JSON.stringify(blocking, null, 2), contentType: 'application/json' });
	}
	const summary = blocking.map((v) => ({
		rule: v.id,
		impact: v.impact,
		help: v.help,
		targets: v.nodes.map((n) => n.target.join(' '))
	}));
	expect(summary, `serious or critical axe violations on ${where}`).toEqual([]);
}

type Fixtures = {
	/** Checks the given page (default: the test's page) with axe. */
	checkA11y: (target?: Page) => Promise<void>;
	/**
	 * Opens a page in a new browser context: a second browser or device with
	 * its own cookies, same base URL and locale as the test. Closed after the test.
	 */
	openBrowser: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
	checkA11y: async ({ page }, use, testInfo) => {
		await use((target = page) => expectAccessible(target, testInfo));
	},
	openBrowser: async ({ browser, baseURL, locale }, use) => {
		const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
		await use(async () => {
			const context = await browser.newContext({ baseURL, locale });
			contexts.push(context);
			return context.newPage();
		});
		for (const context of contexts) await context.close();
	}
});
