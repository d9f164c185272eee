import { z } from 'zod';
import { levels, type Level } from '../domain';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { looksLikeMoreThanAnAddress, optionalText, requiredText } from './fields';

/**
 * Schools and campuses as coordinators type them. The CSV import checks the same
 * rules with the same patterns (lib/server/campuses/campus-import/validate.ts),
 * so a row the import accepts is one the form would accept too. Client-safe.
 */
export const instellingsnummerPattern = /^\d{1,10}$/;
/** Belgian postal codes have four digits. */
export const postalCodePattern = /^\d{4}$/;
/** Digits, spaces and the usual separators: "+32 56 27 00 00", "056/27.00.00". */
export const phonePattern = /^\+?[\d\s()./-]+$/;

export const isEmail = (value: string) => !looksLikeMoreThanAnAddress(value) && z.email().safeParse(value).success;

const instellingsnummer = () =>
	requiredText(limits.instellingsnummer).refine((s) => instellingsnummerPattern.test(s), { error: () => m.cp_v_instellingsnummer() });

export const schoolSchema = z.object({
	name: requiredText(limits.schoolName),
	instellingsnummer: instellingsnummer()
});
export type SchoolInput = z.output<typeof schoolSchema>;

/**
 * Checkboxes repeat the key "levels": routes join form.getAll('levels') with commas
 * before parsing (form.set('levels', form.getAll('levels').join(','))), so this field
 * reads one comma list; the page splits it again to re-check the boxes after an error.
 */
const levelList = () =>
	z
		.string()
		.optional()
		.transform((s) => [
			...new Set(
				(s ?? '')
					.split(',')
					.map((x) => x.trim())
					.filter(Boolean)
			)
		])
		.pipe(z.array(z.enum(levels, { error: () => m.v_choose_option() })).min(1, { error: () => m.cp_v_levels_required() }))
		.transform((list) => levels.filter((l) => list.includes(l)) as Level[]);

const optionalEmail = () => optionalText(limits.email).refine((s) => s === null || isEmail(s), { error: () => m.v_email() });

const optionalPhone = () => optionalText(limits.phone).refine((s) => s === null || phonePattern.test(s), { error: () => m.cp_v_phone() });

export const campusFields = {
	name: requiredText(limits.campusName),
	street: requiredText(limits.street),
	postalCode: requiredText(limits.postalCode).refine((s) => postalCodePattern.test(s), { error: () => m.cp_v_postal_code() }),
	city: requiredText(limits.city),
	levels: levelList(),
	contactName: optionalText(limits.personName),
	contactEmail: optionalEmail(),
	contactPhone: optionalPhone()
};

export const campusSchema = z.object(campusFields);
export type CampusInput = z.output<typeof campusSchema>;

/** A new campus also names its school (an id from the select). */
export const newCampusSchema = z.object({
	schoolId: z
		.string({ error: () => m.v_choose_option() })
		.regex(/^[1-9]\d{0,9}$/, { error: () => m.v_choose_option() })
		.transform(Number),
	...campusFields
});
export type NewCampusInput = z.output<typeof newCampusSchema>;
