// Temporary (not committed): logs in as each role and prints the session cookie per role as JSON.
import { chromium } from 'playwright';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const out = {};
for (const [role, email] of [['coordinator', 'coordinator@example.org'], ['teacher', 'teacher@example.org'], ['trainer', 'trainer@example.org']]) {
	const context = await browser.newContext({ locale: 'nl-BE' });
	const page = await context.newPage();
	await page.goto(base + '/login');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('Paars-demo-2026');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	out[role] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	await context.close();
}
await browser.close();
console.log(JSON.stringify(out));
