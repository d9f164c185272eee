import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldId, inFormOrder, inRow, namedMessage, summaryDescription, summaryItems } from '../../src/lib/forms/error-summary';
import { parseForm } from '../../src/lib/server/http/forms';

describe('the error summary', () => {
	it('names the row first in a form that repeats its fields, so two rows with the same mistake read apart', () => {
		const line = namedMessage('Naam van de klas', 'Vul dit veld in.');
		expect(inRow('Klas 3', line)).toBe('Klas 3 – Naam van de klas: Vul dit veld in.');
		expect(inRow('Klas 2', line)).not.toBe(inRow('Klas 3', line));
		expect(inRow(null, line)).toBe(line);
	});

	it('names the field in a line whose message does not, so two empty fields read as two different lines', () => {
		expect(namedMessage('Naam van de school', 'Vul dit veld in.')).toBe('Naam van de school: Vul dit veld in.');
		expect(namedMessage('E-mailadres', 'Vul dit veld in.')).not.toBe(namedMessage('Wachtwoord', 'Vul dit veld in.'));
		// A label's trailing colon or required mark is not repeated before the colon.
		expect(namedMessage('Postcode *', 'Gebruik 4 cijfers.')).toBe('Postcode: Gebruik 4 cijfers.');
		// A message that already names its field, or no label at all, stays as it is.
		expect(namedMessage('Postcode', 'Een postcode heeft 4 cijfers.')).toBe('Een postcode heeft 4 cijfers.');
		expect(namedMessage(null, 'Vul dit veld in.')).toBe('Vul dit veld in.');
	});

	it('orders the errors as the fields stand in the form; fields that posted nothing follow in the schema’s order', () => {
		const errors = { email: 'e', levels: 'l', name: 'n', grades: 'g' };
		expect(Object.keys(inFormOrder(errors, ['name', 'remarks', 'email', 'name']))).toEqual(['name', 'email', 'levels', 'grades']);
		expect(inFormOrder({}, ['name'])).toEqual({});
	});

	it('gets a parsed form’s errors in the order of the form, not of the schema', () => {
		const schema = z.object({ b: z.string().min(1, 'b is empty'), a: z.string().min(1, 'a is empty') });
		const form = new FormData();
		form.set('a', '');
		form.set('b', '');
		const parsed = parseForm(schema, form);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(['a', 'b']);
	});

	it('has a line per field with a message, nothing for empty ones', () => {
		expect(summaryItems({ name: 'Vul dit veld in.', city: '', pupils: undefined, n: 3 })).toEqual([{ field: 'name', message: 'Vul dit veld in.' }]);
		expect(summaryItems(null)).toEqual([]);
		expect(summaryItems(undefined)).toEqual([]);
	});

	it('says the notice’s message under the heading unless it only repeats a line', () => {
		const items = [{ field: 'instellingsnummer', message: 'Dit instellingsnummer hoort al bij X.' }];
		expect(summaryDescription('Dit instellingsnummer hoort al bij X.', items)).toBeNull();
		expect(summaryDescription('Controleer de gemarkeerde velden.', items)).toBe('Controleer de gemarkeerde velden.');
		expect(summaryDescription(null, items)).toBeNull();
	});

	it('links to the id Field gives a field by default', () => {
		expect(fieldId('postalCode')).toBe('field-postalCode');
	});
});
