import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { materialLimits } from '../../src/lib/server/materials/material-input';
import { errorFromQuery } from '../../src/lib/server/materials/material-http';
import { materialFormLimits, materialInput, materialLinkSchema, materialTextsSchema } from '../../src/lib/schemas/material';

const base = { titleNl: ' Lesfiche ', titleEn: 'Lesson plan', descriptionNl: '', language: 'nl', level_lager: '1', level_secundair: '1', sortOrder: '' };

function errorsOf(input: Record<string, unknown>, locale: 'nl' | 'en' = 'nl', schema: z.ZodType = materialTextsSchema) {
	overwriteGetLocale(() => locale);
	const result = schema.safeParse(materialInput(input), { error: z.locales.nl().localeError });
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('material form schema', () => {
	afterEach(() => overwriteGetLocale(() => 'nl'));

	it('mirrors the service limits', () => {
		expect(materialFormLimits).toEqual(materialLimits);
	});

	it('gathers the level checkboxes, trims the texts and defaults the order to 0', () => {
		expect(materialTextsSchema.parse(materialInput(base))).toEqual({
			titleNl: 'Lesfiche',
			titleEn: 'Lesson plan',
			descriptionNl: null,
			descriptionEn: null,
			language: 'nl',
			levels: ['lager', 'secundair'],
			sortOrder: 0
		});
	});

	it('refuses what the service refuses, with the same messages', () => {
		expect(errorsOf({ ...base, level_lager: undefined, level_secundair: undefined })).toEqual({
			levels: 'Kies minstens één niveau waarvoor dit materiaal bedoeld is.'
		});
		expect(errorsOf({ ...base, language: 'xx' }, 'en')).toEqual({ language: 'Choose the language of the material.' });
		expect(Object.keys(errorsOf({ ...base, titleNl: '   ', sortOrder: '-1' }))).toEqual(['titleNl', 'sortOrder']);
		expect(Object.keys(errorsOf({ ...base, sortOrder: '100001' }))).toEqual(['sortOrder']);
		expect(Object.keys(errorsOf({ ...base, titleEn: 'x'.repeat(201) }))).toEqual(['titleEn']);
		expect(Object.keys(errorsOf({ ...base, url: '' }, 'nl', materialLinkSchema))).toEqual(['url']);
	});

	it('shows only material messages from the query string, with their parameters', () => {
		overwriteGetLocale(() => 'nl');
		expect(errorFromQuery(new URL('http://x/?error=mat_file_type_mismatch&extension=pdf'))).toContain('extensie .pdf');
		expect(errorFromQuery(new URL('http://x/?error=auth_invalid'))).toBeNull();
		expect(errorFromQuery(new URL('http://x/?error=mat_does_not_exist'))).toBeNull();
		expect(errorFromQuery(new URL('http://x/'))).toBeNull();
	});
});
