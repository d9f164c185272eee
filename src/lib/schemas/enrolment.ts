import { z } from 'zod';
import { grades, instructionLanguages, pupilCountMax } from '../domain';
import * as m from '../paraglide/messages';
import { choice, optionalText, requiredText } from './fields';

export const classNameMax = 40;
export const remarksMax = 500;
export const maxPreferredHalfDays = 3;

export const pupilCount = () =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => s.trim())
		.pipe(
			z
				.string()
				.min(1, { error: () => m.v_required() })
				.regex(/^\d+$/, { error: () => m.enrol_v_pupils({ max: pupilCountMax }) })
				.transform(Number)
				.pipe(
					z
						.number()
						.int()
						.min(1, { error: () => m.enrol_v_pupils({ max: pupilCountMax }) })
						.max(pupilCountMax, { error: () => m.enrol_v_pupils({ max: pupilCountMax }) })
				)
		);

const halfDay = (n: number) => ({
	[`pref${n}Date`]: z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(z.union([z.literal(''), z.iso.date({ error: () => m.enrol_v_date() })])),
	[`pref${n}Part`]: z.enum(['', 'am', 'pm'], { error: () => m.v_choose_option() }).optional()
});

/**
 * A class as a teacher enrols it. Up to three preferred half-days arrive as
 * pref1Date/pref1Part … and leave as one de-duplicated list.
 */
export const classSchema = z
	.object({
		name: requiredText(classNameMax),
		grade: choice(grades as unknown as [string, ...string[]]),
		pupilCount: pupilCount(),
		language: choice(instructionLanguages),
		remarks: optionalText(remarksMax),
		...halfDay(1),
		...halfDay(2),
		...halfDay(3)
	})
	.superRefine((v, ctx) => {
		for (let n = 1; n <= maxPreferredHalfDays; n++) {
			const date = v[`pref${n}Date` as keyof typeof v];
			const part = v[`pref${n}Part` as keyof typeof v];
			if (date && !part) ctx.addIssue({ code: 'custom', path: [`pref${n}Part`], message: m.enrol_v_half_day_part() });
			if (!date && part) ctx.addIssue({ code: 'custom', path: [`pref${n}Date`], message: m.enrol_v_date() });
		}
	})
	.transform((v) => {
		const days = new Map<string, { localDate: string; part: 'am' | 'pm'; field: string }>();
		for (let n = 1; n <= maxPreferredHalfDays; n++) {
			const localDate = v[`pref${n}Date` as keyof typeof v] as string;
			const part = v[`pref${n}Part` as keyof typeof v] as 'am' | 'pm' | '' | undefined;
			if (localDate && part && !days.has(`${localDate}-${part}`)) days.set(`${localDate}-${part}`, { localDate, part, field: `pref${n}Date` });
		}
		return {
			name: v.name,
			grade: v.grade,
			pupilCount: v.pupilCount as number,
			language: v.language,
			remarks: v.remarks,
			preferredHalfDays: [...days.values()]
		};
	});

export type ClassInput = z.output<typeof classSchema>;

const idChoice = () =>
	z
		.string({ error: () => m.v_choose_option() })
		.regex(/^[1-9]\d{0,9}$/, { error: () => m.v_choose_option() })
		.transform(Number);

/** The campus a class belongs to (a select, or a hidden field when there is one choice). */
export const campusChoiceSchema = z.object({ campusId: idChoice() });

/** A coordinator enrolling on a teacher's behalf names the teacher (empty: the coordinator). */
export const onBehalfSchema = z.object({
	onBehalfOf: z
		.string()
		.optional()
		.transform((s) => (s ? s : undefined))
		.pipe(idChoice().optional())
});
