import { expect, test } from './support/fixtures';
import { loginAs } from './support/pages';

/**
 * The retention periods as a coordinator sets them: from the settings page to its
 * own form, a refused value explained at its field, a saved value stated on the
 * public privacy notice in both languages. Puts the defaults back at the end, for
 * the specs that run after it on the same server.
 */
const labels = {
	accounts: 'Ongebruikte accounts anonimiseren na (maanden)',
	outbox: 'Verstuurde e-mails verwijderen na (dagen)',
	audit: 'Details van de logboekregels verwijderen na (maanden)',
	pupilAnswers: 'Losse antwoorden van leerlingen bewaren na het archiveren van de editie (dagen)',
	minGroup: 'Kleinste groep die de cijfers tonen (antwoorden)'
};

test('a coordinator changes the retention periods and the privacy notice states the new values', async ({ page, request, checkA11y }) => {
	await loginAs(page, 'coordinator@example.org');
	await page.goto('/coordinator/settings');
	await expect(page.getByText('Ongebruikte accounts: 24 maanden · e-mails: 90 dagen · details in het logboek: 24 maanden.')).toBeVisible();
	await expect(
		page.getByText('Vragenlijst voor leerlingen: losse antwoorden 30 dagen na het archiveren van de editie · kleinste groep in de cijfers: 10 antwoorden.')
	).toBeVisible();
	await page.getByRole('link', { name: 'Bewaartermijnen wijzigen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewaartermijnen');
	await expect(page.getByLabel(labels.accounts)).toHaveValue('24');
	await checkA11y();

	// Too short for the outbox: refused at the field, nothing saved.
	await page.getByLabel(labels.outbox).fill('10');
	await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
	// At the field and in the error summary above the form.
	await expect(page.getByText('Kies een waarde tussen 60 en 3650.')).toHaveCount(2);
	await expect(page.getByLabel(labels.outbox)).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel(labels.accounts).fill('36');
	await page.getByLabel(labels.outbox).fill('120');
	await page.getByLabel(labels.audit).fill('18');
	// The pupils' questionnaire (issue 19.5): never a group under 5.
	await expect(page.getByLabel(labels.minGroup)).toHaveValue('10');
	await page.getByLabel(labels.minGroup).fill('4');
	await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
	await expect(page.getByText('Kies een waarde tussen 5 en 50.')).toHaveCount(2);
	await page.getByLabel(labels.minGroup).fill('12');
	await page.getByLabel(labels.pupilAnswers).fill('45');
	await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
	await expect(page.getByText('De bewaartermijnen zijn bewaard.')).toBeVisible();
	await expect(page.getByLabel(labels.accounts)).toHaveValue('36');
	await expect(page.getByLabel(labels.pupilAnswers)).toHaveValue('45');

	try {
		await page.goto('/privacy');
		const periods = page.getByRole('heading', { name: 'Hoe lang bewaren we ze?' }).locator('xpath=..');
		await expect(periods).toContainText('36 maanden nadat u zich voor het laatst hebt aangemeld');
		await expect(periods).toContainText('120 dagen');
		await expect(periods).toContainText('Na 18 maanden');
		await expect(periods).not.toContainText('twee jaar');
		const pupils = page.getByRole('heading', { name: 'De vragenlijst voor leerlingen' }).locator('xpath=..');
		await expect(pupils).toContainText('minstens 12 antwoorden');
		await expect(pupils).toContainText('45 dagen nadat de editie gearchiveerd is');
		// An anonymous visitor whose browser prefers English.
		const english = await request.get('/privacy', { headers: { 'accept-language': 'en' } });
		expect(await english.text()).toMatch(/36 months<\/span> after you last logged in/);
	} finally {
		await page.goto('/coordinator/settings/retention');
		await page.getByLabel(labels.accounts).fill('24');
		await page.getByLabel(labels.outbox).fill('90');
		await page.getByLabel(labels.audit).fill('24');
		await page.getByLabel(labels.pupilAnswers).fill('30');
		await page.getByLabel(labels.minGroup).fill('10');
		await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
		await expect(page.getByText('De bewaartermijnen zijn bewaard.')).toBeVisible();
	}
});
