import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { editionSchema } from '../../src/lib/schemas/edition';
import { addYears, brusselsTimeOf } from '../../src/lib/time/brussels';

function errorsOf(input: unknown, locale: 'nl' | 'en') {
	overwriteGetLocale(() => locale);
	const result = editionSchema.safeParse(input, { error: (locale === 'en' ? z.locales.en() : z.locales.nl()).localeError });
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const valid = {
	campaignId: '1',
	year: '2028',
	name: 'PAARS 2028',
	descriptionNl: 'Lijn één\r\nLijn twee',
	descriptionEn: '',
	opensDate: '2027-11-15',
	opensTime: '',
	closesDate: '2028-04-15',
	closesTime: '',
	workshopStartsOn: '2028-04-20',
	workshopEndsOn: '2028-06-07',
	grades: ['S1', 'L6', 'L5'],
	maxClasses: '40',
	maxClassesPerCampus: ''
};

describe('the edition form', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('turns the Belgian window into UTC instants, with 00:00 and 23:59 when no time is given', () => {
		const parsed = editionSchema.parse(valid);
		// 15 November is winter time (UTC+1); 15 April is summer time (UTC+2).
		expect(parsed.enrolmentOpensAt.toISOString()).toBe('2027-11-14T23:00:00.000Z');
		expect(parsed.enrolmentClosesAt.toISOString()).toBe('2028-04-15T21:59:00.000Z');
		expect(parsed).toMatchObject({ campaignId: 1, year: 2028, maxClasses: 40, maxClassesPerCampus: null, descriptionEn: null });
		expect(parsed.descriptionNl).toBe('Lijn één\r\nLijn twee');
	});

	it('keeps the grades in the usual order, each once, and accepts a single ticked box', () => {
		expect(editionSchema.parse({ ...valid, grades: ['S1', 'L5', 'S1'] }).grades).toEqual(['L5', 'S1']);
		expect(editionSchema.parse({ ...valid, grades: 'K3' }).grades).toEqual(['K3']);
	});

	it('accepts times as people type them', () => {
		const parsed = editionSchema.parse({ ...valid, opensTime: '9.30', closesTime: '17:00:00' });
		expect(parsed.enrolmentOpensAt.toISOString()).toBe('2027-11-15T08:30:00.000Z');
		expect(parsed.enrolmentClosesAt.toISOString()).toBe('2028-04-15T15:00:00.000Z');
	});

	it('refuses a window that ends before or when it begins, on the end date, in Dutch and English', () => {
		expect(errorsOf({ ...valid, closesDate: '2027-11-01' }, 'nl')).toEqual({
			closesDate: 'De inschrijvingsperiode moet eindigen na het begin. Kies een latere einddatum of een later uur.'
		});
		const same = { ...valid, closesDate: '2027-11-15', opensTime: '10:00', closesTime: '10:00' };
		expect(errorsOf(same, 'en')).toEqual({ closesDate: 'The enrolment window must end after it begins. Choose a later end date or time.' });
		// One minute is enough.
		expect(errorsOf({ ...same, closesTime: '10:01' }, 'en')).toEqual({});
	});

	it('refuses a workshop period that ends before it starts, but allows a single day', () => {
		expect(errorsOf({ ...valid, workshopEndsOn: '2028-04-19' }, 'nl')).toEqual({
			workshopEndsOn: 'De workshopperiode kan niet eindigen voor ze begint. Kies een latere laatste dag.'
		});
		expect(errorsOf({ ...valid, workshopEndsOn: '2028-04-19' }, 'en')).toEqual({
			workshopEndsOn: 'The workshop period cannot end before it starts. Choose a later last day.'
		});
		expect(errorsOf({ ...valid, workshopEndsOn: '2028-04-20' }, 'nl')).toEqual({});
	});

	it('reports the window and other mistakes together, so one post shows them all', () => {
		const errors = errorsOf({ ...valid, name: '', closesDate: '2027-01-01' }, 'en');
		expect(Object.keys(errors).sort()).toEqual(['closesDate', 'name']);
	});

	it('requires at least one grade and refuses unknown ones', () => {
		const { grades: _, ...noGrades } = valid;
		expect(errorsOf(noGrades, 'nl')).toEqual({ grades: 'Kies minstens één leerjaar.' });
		expect(errorsOf({ ...valid, grades: [] }, 'en')).toEqual({ grades: 'Choose at least one grade.' });
		expect(errorsOf({ ...valid, grades: ['L5', 'X9'] }, 'nl')).toEqual({ grades: 'Kies een van de mogelijkheden.' });
	});

	it('reads an empty maximum as no maximum and refuses 0, fractions, words and huge numbers', () => {
		expect(editionSchema.parse({ ...valid, maxClasses: ' ', maxClassesPerCampus: '100000' })).toMatchObject({ maxClasses: null, maxClassesPerCampus: 100000 });
		for (const bad of ['0', '2.5', 'veel', '-3', '100001']) {
			expect(errorsOf({ ...valid, maxClasses: bad }, 'nl'), bad).toEqual({
				maxClasses: 'Laat leeg voor geen maximum, of vul een geheel getal in van 1 tot 100000.'
			});
		}
		expect(errorsOf({ ...valid, maxClassesPerCampus: '0' }, 'en')).toEqual({
			maxClassesPerCampus: 'Leave empty for no maximum, or enter a whole number from 1 to 100000.'
		});
	});

	it('explains a missing or impossible year, date or time', () => {
		expect(errorsOf({ ...valid, year: '1999', opensDate: '2027-02-30', closesTime: '25:00', name: '' }, 'nl')).toEqual({
			year: 'Vul een jaar in van 2000 tot 2100.',
			opensDate: 'Vul een geldige datum in.',
			closesTime: 'Vul een geldig uur in, bijvoorbeeld 09:00.',
			name: 'Vul dit veld in.'
		});
		expect(errorsOf({ ...valid, year: '', workshopStartsOn: '' }, 'en')).toEqual({
			year: 'Please fill in this field.',
			workshopStartsOn: 'Please fill in this field.'
		});
	});

	it('limits the name and descriptions to what the database holds', () => {
		expect(errorsOf({ ...valid, name: 'x'.repeat(101), descriptionEn: 'y'.repeat(2001) }, 'en')).toEqual({
			name: 'Use at most 100 characters.',
			descriptionEn: 'Use at most 2000 characters.'
		});
	});

	it('refuses a campaign id that is not a number, as a crafted post might send', () => {
		expect(errorsOf({ ...valid, campaignId: '1 or 1=1' }, 'nl')).toEqual({ campaignId: 'Kies een van de mogelijkheden.' });
		expect(errorsOf({ ...valid, campaignId: undefined }, 'en')).toEqual({ campaignId: 'Choose one of the options.' });
	});
});

describe('shifting dates by whole years (new edition from the previous one)', () => {
	it('keeps the day of the month, and 29 February becomes 28 February', () => {
		expect(addYears('2027-05-17', 1)).toBe('2028-05-17');
		expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
		expect(addYears('2027-12-31', 1)).toBe('2028-12-31');
	});

	it('reads the Belgian wall-clock time of an instant in summer and in winter', () => {
		expect(brusselsTimeOf(new Date('2028-04-15T21:59:00Z'))).toBe('23:59');
		expect(brusselsTimeOf(new Date('2027-11-14T23:00:00Z'))).toBe('00:00');
	});
});
