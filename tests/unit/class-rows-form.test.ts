import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { parseClassRows } from '../../src/lib/server/enrolments/class-rows-form';
import { classRowsMax, rowCount } from '../../src/lib/schemas/class-rows';

/** The form of several classes (issue 18.3) as a browser posts it: campus, participation, rows. */
function posted(rows: Record<string, string>[], extra: Record<string, string> = {}) {
	const form = new FormData();
	form.set('campusId', '7');
	form.set('participation', 'workshop');
	rows.forEach((row, i) => {
		for (const [field, value] of Object.entries(row)) form.set(`class-${i + 1}-${field}`, value);
	});
	form.set('rows', String(rows.length));
	for (const [key, value] of Object.entries(extra)) form.set(key, value);
	return form;
}

const row = (name: string, extra: Record<string, string> = {}) => ({ name, grade: 'L5', pupilCount: '22', language: 'nl', ...extra });
const blank = { name: '', grade: '', pupilCount: '', language: 'nl' };

describe('the form of several classes', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('keeps the filled rows in their order with their numbers and skips blank ones', () => {
		const parsed = parseClassRows(posted([row('5A'), blank, row('5C', { language: 'fr', pupilCount: ' 18 ' })]));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.data.campusId).toBe(7);
		expect(parsed.data.classes).toEqual([
			{ row: 1, name: '5A', grade: 'L5', pupilCount: 22, language: 'nl' },
			{ row: 3, name: '5C', grade: 'L5', pupilCount: 18, language: 'fr' }
		]);
	});

	it('puts each message at the field of its own row, in Dutch and in English', () => {
		const rows = [row('5A'), row('', { pupilCount: 'twintig' }), row('5C', { grade: '' })];
		const nl = parseClassRows(posted(rows));
		expect(nl.ok).toBe(false);
		if (nl.ok) return;
		expect(nl.errors).toEqual({
			'class-2-name': 'Vul dit veld in.',
			'class-2-pupilCount': expect.stringMatching(/leerlingen/i),
			'class-3-grade': expect.any(String)
		});
		expect(nl.values['class-1-name']).toBe('5A');
		overwriteGetLocale(() => 'en');
		const en = parseClassRows(posted(rows));
		expect(!en.ok && en.errors['class-2-name']).toBe('Please fill in this field.');
	});

	it('refuses a name given twice at the later row, whatever its case or spacing', () => {
		const parsed = parseClassRows(posted([row('5A'), row('5B'), row(' 5a ')]));
		expect(!parsed.ok && parsed.errors).toEqual({ 'class-3-name': 'Deze naam staat al in klas 1 van dit formulier.' });
	});

	it('asks for at least one class when every row is blank', () => {
		const parsed = parseClassRows(posted([blank, blank]));
		expect(!parsed.ok && parsed.errors).toEqual({ 'class-1-name': 'Vul minstens één klas in.' });
	});

	it('reads no row beyond the posted number, which stays between 1 and the maximum', () => {
		const form = posted([row('5A'), row('5B')], { rows: '1' });
		const parsed = parseClassRows(form);
		expect(parsed.ok && parsed.data.classes.map((c) => c.name)).toEqual(['5A']);
		expect([rowCount('0'), rowCount('999'), rowCount('abc'), rowCount('4')]).toEqual([1, classRowsMax, 3, 4]);
	});
});
