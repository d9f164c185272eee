import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { bulkSlotSchema, cancelSlotSchema, normaliseTime, slotClassesSchema, slotSchema } from '../../src/lib/schemas/workshop-slot';
import { parseSlotFilter, slotQuery } from '../../src/lib/schemas/slot-filter';

function parse<S extends z.ZodType>(schema: S, input: unknown, locale: 'nl' | 'en' = 'nl') {
	overwriteGetLocale(() => locale);
	const result = schema.safeParse(input, { error: (locale === 'en' ? z.locales.en() : z.locales.nl()).localeError });
	if (result.success) return { data: result.data as z.output<S>, errors: {} as Record<string, string> };
	return { data: null, errors: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message])) as Record<string, string> };
}

const slot = {
	campusId: '3',
	localDate: '2027-05-12',
	startTime: '8:30',
	endTime: '09.20',
	room: ' Aula ',
	language: 'nl',
	trainersNeeded: '2',
	maxPupils: '',
	organisationId: '',
	trainerNote: ''
};

describe('workshop slot forms', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('read times as people type them', () => {
		expect(['9:00', '09:00', '09.00', '9,00', '9u00', ' 14h30 '].map(normaliseTime)).toEqual(['09:00', '09:00', '09:00', '09:00', '09:00', '14:30']);
		expect(['24:00', '9:60', '900', 'negen uur', ''].map(normaliseTime)).toEqual([null, null, null, null, null]);
	});

	it('give the services their SlotInput: numbers, nulls for empty optional fields, trimmed text', () => {
		expect(parse(slotSchema, slot).data).toEqual({
			campusId: 3,
			localDate: '2027-05-12',
			startTime: '08:30',
			endTime: '09:20',
			room: 'Aula',
			language: 'nl',
			trainersNeeded: 2,
			maxPupils: null,
			organisationId: null,
			trainerNote: null,
			hoursExceptionReason: null
		});
		expect(parse(slotSchema, { ...slot, maxPupils: '60', organisationId: '7' }).data).toMatchObject({ maxPupils: 60, organisationId: 7 });
	});

	it('pass an exception to the school hours on only when it is ticked, and never without its reason', () => {
		expect(parse(slotSchema, { ...slot, outsideHours: '1', hoursExceptionReason: ' Schoolfeest ' }).data).toMatchObject({
			hoursExceptionReason: 'Schoolfeest'
		});
		expect(parse(slotSchema, { ...slot, hoursExceptionReason: 'Schoolfeest' }).data).toMatchObject({ hoursExceptionReason: null });
		expect(parse(slotSchema, { ...slot, outsideHours: '1' }).errors).toEqual({
			hoursExceptionReason: 'Geef op waarom deze workshop buiten de schooluren mag vallen.'
		});
		expect(
			parse(bulkSlotSchema, { ...slot, firstStart: '08:30', count: '2', durationMinutes: '50', gapMinutes: '10', outsideHours: '1' }, 'en').errors
		).toEqual({
			hoursExceptionReason: 'Say why this workshop may fall outside the school hours.'
		});
	});

	it("say in the reader's language what is wrong with each field", () => {
		const { errors } = parse(slotSchema, {
			...slot,
			campusId: '',
			localDate: '2027-02-30',
			startTime: '25:00',
			endTime: '',
			trainersNeeded: '3',
			maxPupils: '201',
			trainerNote: 'x'.repeat(501)
		});
		expect(errors).toEqual({
			campusId: 'Kies een van de mogelijkheden.',
			localDate: 'Vul een geldige datum in.',
			startTime: 'Vul een uur in zoals 08:30.',
			endTime: 'Vul dit veld in.',
			trainersNeeded: 'Kies een van de mogelijkheden.',
			maxPupils: 'Vul een getal van 1 tot 200 in.',
			trainerNote: 'Gebruik hoogstens 500 tekens.'
		});
		expect(parse(slotSchema, { ...slot, room: 'r'.repeat(61) }, 'en').errors).toEqual({ room: 'Use at most 60 characters.' });
	});

	it('keep a bulk series within 1–12 slots of 10–240 minutes with 0–120 minutes between', () => {
		const bulk = { ...slot, firstStart: '08:30', count: '4', durationMinutes: '50', gapMinutes: '0' };
		expect(parse(bulkSlotSchema, bulk).data).toMatchObject({ firstStart: '08:30', count: 4, durationMinutes: 50, gapMinutes: 0 });
		expect(Object.keys(parse(bulkSlotSchema, { ...bulk, count: '13', durationMinutes: '9', gapMinutes: '121' }).errors).sort()).toEqual([
			'count',
			'durationMinutes',
			'gapMinutes'
		]);
		expect(parse(bulkSlotSchema, { ...bulk, count: '0' }).errors.count).toBe('Vul een getal van 1 tot 12 in.');
	});

	it('ask for a reason and a ticked box before cancelling', () => {
		expect(parse(cancelSlotSchema, { reason: 'Klas op uitstap', confirm: 'yes' }).data).toEqual({ reason: 'Klas op uitstap', confirm: 'yes' });
		expect(parse(cancelSlotSchema, { reason: ' ' }).errors).toEqual({
			reason: 'Vul dit veld in.',
			confirm: 'Vink aan dat je dit workshopmoment wilt annuleren.'
		});
	});

	it('accept no ticked class at all (an empty slot) but no nonsense ids', () => {
		expect(parse(slotClassesSchema, { classIds: [] }).data).toEqual({ classIds: [] });
		expect(parse(slotClassesSchema, { classIds: ['4', '9'] }).data).toEqual({ classIds: [4, 9] });
		expect(parse(slotClassesSchema, { classIds: ['x'] }).errors).toHaveProperty('classIds.0');
	});
});

describe('workshop list address', () => {
	it('round-trips a filter through the query string, leaving defaults out', () => {
		const f = parseSlotFilter(new URLSearchParams('campus=4&from=2027-05-10&needs=1&view=week&week=2027-05-12&page=3'));
		expect(f).toEqual({ campus: 4, from: '2027-05-10', to: undefined, needs: true, unreported: false, view: 'week', week: '2027-05-12', page: 3 });
		expect(slotQuery(f)).toBe('?campus=4&from=2027-05-10&needs=1&view=week&week=2027-05-12');
		expect(slotQuery(f, { view: 'list', page: 2 })).toBe('?campus=4&from=2027-05-10&needs=1&page=2');
		expect(slotQuery(parseSlotFilter(new URLSearchParams('')))).toBe('');
	});
});
