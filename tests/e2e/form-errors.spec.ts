import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LoginPage, loginAs, waitForScripts } from './support/pages';

/**
 * Issue 12, point 2: an enhanced form never stays silent. The form post is
 * answered by page.route() as a refusing server or a broken network would; the
 * form must say what happened in the user's language, focus that message, and
 * keep what was typed.
 */
const actionError = (message: string) => JSON.stringify({ type: 'error', error: { message } });

type Answer = (route: Route) => Promise<void>;

const answers: [string, Answer, RegExp][] = [
	// The README's first command: Kit's plain-text CSRF refusal, which enhance cannot even parse.
	[
		'403 (cross-site or expired)',
		(r) => r.fulfill({ status: 403, contentType: 'text/plain', body: 'Cross-site POST form submissions are forbidden' }),
		/niet aanvaard.*herlaad de pagina/i
	],
	['413 (too large)', (r) => r.fulfill({ status: 413, contentType: 'application/json', body: actionError('Content-length exceeds limit') }), /te groot/],
	[
		'429 (too many)',
		(r) => r.fulfill({ status: 429, headers: { 'retry-after': '120' }, contentType: 'application/json', body: actionError('Too many') }),
		/Te veel pogingen.*Wacht 2 min\./
	],
	[
		'500 (server)',
		(r) => r.fulfill({ status: 500, headers: { 'x-request-id': 'req-7f3a' }, contentType: 'application/json', body: actionError('Internal Error') }),
		/iets mis op de server[\s\S]*req-7f3a/
	],
	['a lost connection', (r) => r.abort('internetdisconnected'), /geen verbinding/]
];

/** Answers the next POST to `path` with `answer`; everything else goes to the server. */
async function answerPost(page: Page, path: string, answer: Answer) {
	await page.unrouteAll();
	await page.route(
		(url) => url.pathname === path,
		(route) => (route.request().method() === 'POST' ? answer(route) : route.continue())
	);
}

const problemIn = (page: Page, form: string) => page.locator(form).getByRole('alert');

test.describe('forms say what went wrong', () => {
	test('the login form names each refusal in Dutch, focuses it and keeps what was typed', async ({ page, checkA11y }, testInfo) => {
		const login = new LoginPage(page);
		await login.goto();
		await waitForScripts(page);
		await login.fill('coordinator@example.org', 'Getypt-wachtwoord-1');
		for (const [what, answer, text] of answers) {
			await test.step(what, async () => {
				await answerPost(page, '/login', answer);
				await login.submit().click();
				const problem = problemIn(page, 'form');
				await expect(problem).toHaveText(text);
				await expect(problem).toBeFocused();
				await expect(login.email()).toHaveValue('coordinator@example.org');
				await expect(login.password()).toHaveValue('Getypt-wachtwoord-1');
				await expect(login.submit()).toBeEnabled();
				await expect(page).toHaveURL(/\/login/);
			});
		}
		// One message at a time: the previous one is replaced, not stacked.
		await expect(page.getByRole('alert')).toHaveCount(1);
		await checkA11y();
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 800 });
			await page.screenshot({ path: testInfo.outputPath(`form-problem-login-${width}.png`), fullPage: true });
		}
		// Once the server answers again, the message goes and the login works.
		await page.unrouteAll();
		await login.submit().click();
		await expect(page.getByRole('alert')).not.toHaveText(/geen verbinding/);
	});

	test('the account profile form keeps the new name through a server error and a lost connection', async ({ page, checkA11y }) => {
		await loginAs(page, 'teacher@example.org');
		await page.goto('/account');
		await waitForScripts(page);
		const name = page.getByLabel('Naam', { exact: true });
		await name.fill('Naam die blijft');
		const form = 'form[action="?/profile"]';
		await answerPost(page, '/account', (r) =>
			r.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ type: 'error', error: { message: 'x', requestId: 'body-id-42' } }) })
		);
		await page.getByRole('button', { name: 'Opslaan', exact: true }).first().click();
		await expect(problemIn(page, form)).toContainText('body-id-42');
		await expect(problemIn(page, form)).toBeFocused();
		await expect(name).toHaveValue('Naam die blijft');
		await answerPost(page, '/account', (r) => r.abort('internetdisconnected'));
		await page.getByRole('button', { name: 'Opslaan', exact: true }).first().click();
		await expect(problemIn(page, form)).toHaveText(/geen verbinding/);
		await expect(name).toHaveValue('Naam die blijft');
		await checkA11y();
	});

	test('a coordinator form keeps the new school through a 403 and a 429', async ({ page }) => {
		await loginAs(page, 'coordinator@example.org');
		await page.goto('/coordinator/schools');
		await waitForScripts(page);
		await page.getByLabel('Naam van de school', { exact: true }).fill('Nieuwe School');
		const form = 'form[action="?/create"]';
		for (const [what, answer, text] of [answers[0], answers[2]]) {
			await test.step(what, async () => {
				await answerPost(page, '/coordinator/schools', answer);
				await page.locator(form).getByRole('button').click();
				await expect(problemIn(page, form)).toHaveText(text);
				await expect(problemIn(page, form)).toBeFocused();
				await expect(page.getByLabel('Naam van de school', { exact: true })).toHaveValue('Nieuwe School');
			});
		}
	});

	test('speaks English to an English browser', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto('/login');
		await waitForScripts(page);
		await page.getByLabel('E-mail address', { exact: true }).fill('someone@example.org');
		await answerPost(page, '/login', answers[2][1]);
		await page.getByRole('button', { name: 'Log in' }).click();
		const problem = problemIn(page, 'form');
		await expect(problem).toHaveText(/Too many attempts in a row\. Wait 2 min\./);
		await expect(problem).toBeFocused();
		await expect(page.getByLabel('E-mail address', { exact: true })).toHaveValue('someone@example.org');
		await context.close();
	});
});
