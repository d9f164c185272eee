import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { assignSchema, cancelBookingSchema, reportGivenSchema, reportNotGivenSchema, unassignSchema } from '../../src/lib/schemas/trainer-workshop';
import { parseCursor, parseOpenFilters } from '../../src/lib/server/workshops/trainers/trainer-views.service';

function parse<S extends z.ZodType>(schema: S, input: unknown, locale: 'nl' | 'en' = 'nl') {
	overwriteGetLocale(() => locale);
	const result = schema.safeParse(input, { error: (locale === 'en' ? z.locales.en() : z.locales.nl()).localeError });
	if (result.success) return { data: result.data as z.output<S>, errors: {} as Record<string, string> };
	return { data: null, errors: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message])) as Record<string, string> };
}

describe('trainer workshop forms', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('take a report of a given workshop as typed, with an empty note as none', () => {
		expect(parse(reportGivenSchema, { pupilsPresent: ' 21 ', durationMinutes: '50', note: '  ' }).data).toEqual({
			pupilsPresent: 21,
			durationMinutes: 50,
			note: null
		});
	});

	it('say per field what is wrong with pupils and minutes, in the page language', () => {
		expect(parse(reportGivenSchema, { pupilsPresent: '', durationMinutes: '0' }).errors).toEqual({
			pupilsPresent: 'Vul dit veld in.',
			durationMinutes: 'Geef een duur tussen 1 en 480 minuten.'
		});
		expect(parse(reportGivenSchema, { pupilsPresent: '-3', durationMinutes: '50 min' }, 'en').errors).toEqual({
			pupilsPresent: 'Enter a number between 0 and 200.',
			durationMinutes: 'Enter a duration between 1 and 480 minutes.'
		});
		expect(parse(reportGivenSchema, { pupilsPresent: '20', durationMinutes: '50', note: 'x'.repeat(501) }).errors.note).toMatch(/500/);
	});

	it('accept only the listed reasons for a workshop that was not given', () => {
		expect(parse(reportNotGivenSchema, { notGivenReason: 'trainer_ill', note: 'Griep' }).data).toEqual({ notGivenReason: 'trainer_ill', note: 'Griep' });
		expect(Object.keys(parse(reportNotGivenSchema, { notGivenReason: 'bored' }).errors)).toEqual(['notGivenReason']);
	});

	it('require a reason and the confirmation tick to cancel, and ids to assign', () => {
		expect(Object.keys(parse(cancelBookingSchema, { reason: '   ', confirm: 'yes' }).errors)).toEqual(['reason']);
		expect(parse(cancelBookingSchema, { reason: 'Ziek' }).errors).toEqual({ confirm: expect.stringMatching(/\S/) });
		expect(parse(cancelBookingSchema, { reason: 'Ziek', confirm: 'yes' }).data).toMatchObject({ reason: 'Ziek' });
		expect(Object.keys(parse(assignSchema, { slotId: '4', trainerId: '' }).errors)).toEqual(['trainerId']);
		expect(parse(unassignSchema, { slotId: '4', trainerId: '9', reason: '' }).data).toEqual({ slotId: 4, trainerId: 9, reason: null });
	});
});

describe('open list query string', () => {
	it('keeps readable filters and ignores the rest', () => {
		expect(parseOpenFilters(new URLSearchParams('from=2027-05-01&to=2027-05-31&campus=7&language=fr'))).toEqual({
			from: '2027-05-01',
			to: '2027-05-31',
			campusId: 7,
			language: 'fr'
		});
		expect(parseOpenFilters(new URLSearchParams('from=1-5-2027&campus=abc&language=xx'))).toEqual({ from: null, to: null, campusId: null, language: null });
	});

	it('reads a keyset cursor back into the start instant and id', () => {
		expect(parseCursor(`${Date.parse('2027-05-12T07:00:00Z')}.42`)).toEqual({ startsAt: '2027-05-12 07:00:00.000', id: 42 });
		expect(parseCursor('42')).toBeNull();
		expect(parseCursor(null)).toBeNull();
	});
});
