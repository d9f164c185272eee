import { z } from 'zod';
import { grades } from '../domain';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { brusselsToUtc } from '../time/brussels';
import { optionalText, requiredText } from './fields';
import { checkSchoolHours, hoursFieldNames, schoolHoursFields, schoolHoursText } from './school-hours';

export const editionYearMin = 2000;
export const editionYearMax = 2100;
export const quotaMax = 100_000;
export const defaultOpensTime = '00:00';
export const defaultClosesTime = '23:59';

const trimmed = () =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim());

const year = () =>
	trimmed().pipe(
		z
			.string()
			.min(1, { error: () => m.v_required(), abort: true })
			.refine((s) => /^\d{4}$/.test(s) && Number(s) >= editionYearMin && Number(s) <= editionYearMax, {
				error: () => m.ed_v_year({ min: editionYearMin, max: editionYearMax })
			})
			.transform(Number)
	);

const calendarDate = () =>
	trimmed().pipe(
		z
			.string()
			.min(1, { error: () => m.v_required(), abort: true })
			.pipe(z.iso.date({ error: () => m.ed_v_date() }))
	);

/** "9:00", "09:00", "09.00" and a browser's "09:00:00" all mean 09:00; empty means the default. */
const clockTime = (fallback: string) =>
	trimmed()
		.transform((s) => s || fallback)
		.pipe(
			z
				.string()
				.regex(/^([01]?\d|2[0-3])[:.]([0-5]\d)(:[0-5]\d)?$/, { error: () => m.ed_v_time() })
				.transform((s) => {
					const [h, mi] = s.split(/[:.]/);
					return `${h.padStart(2, '0')}:${mi}`;
				})
		);

/** Empty: no maximum (null). Otherwise a whole number from 1 to quotaMax. */
const maximum = () =>
	trimmed()
		.pipe(
			z.string().refine((s) => s === '' || (/^\d{1,6}$/.test(s) && Number(s) >= 1 && Number(s) <= quotaMax), {
				error: () => m.ed_v_max({ max: quotaMax })
			})
		)
		.transform((s) => (s === '' ? null : Number(s)));

/** The edition's workshop rules: bounds and the value of a new edition (also used when a field is left empty). */
export const workshopRules = {
	travelBufferMinutes: { min: 0, max: 240, fallback: 30, message: m.bd_v_travel_buffer },
	maxWorkshopsPerTrainerDay: { min: 1, max: 12, fallback: 4, message: m.bd_v_max_per_day },
	cancellationDeadlineDays: { min: 0, max: 60, fallback: 7, message: m.bd_v_cancel_days },
	reminderDaysBefore: { min: 1, max: 14, fallback: 2, message: m.ntf_v_reminder_days }
} as const;

export type WorkshopRules = { [K in keyof typeof workshopRules]: number };

/** Just the workshop rules of an edition (or of a form): they are copied, audited and shown as one group. */
export const rulesOf = (e: WorkshopRules): WorkshopRules => ({
	travelBufferMinutes: e.travelBufferMinutes,
	maxWorkshopsPerTrainerDay: e.maxWorkshopsPerTrainerDay,
	cancellationDeadlineDays: e.cancellationDeadlineDays,
	reminderDaysBefore: e.reminderDaysBefore
});

export const defaultWorkshopRules: WorkshopRules = {
	travelBufferMinutes: workshopRules.travelBufferMinutes.fallback,
	maxWorkshopsPerTrainerDay: workshopRules.maxWorkshopsPerTrainerDay.fallback,
	cancellationDeadlineDays: workshopRules.cancellationDeadlineDays.fallback,
	reminderDaysBefore: workshopRules.reminderDaysBefore.fallback
};

/** A whole number within a rule's bounds; empty (or not posted, by an older form) means the default. */
const rule = (name: keyof typeof workshopRules) => {
	const { min, max, fallback, message } = workshopRules[name];
	return trimmed()
		.pipe(z.string().refine((s) => s === '' || (/^\d{1,3}$/.test(s) && Number(s) >= min && Number(s) <= max), { error: () => message({ min, max }) }))
		.transform((s) => (s === '' ? fallback : Number(s)));
};

/** The ticked grade checkboxes: one value, several, or none at all (the key is then missing). */
const gradeList = () =>
	z
		.preprocess(
			(v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
			z
				.array(z.string(), { error: () => m.v_choose_option() })
				.min(1, { error: () => m.ed_v_grades() })
				.refine((list) => list.every((g) => grades.includes(g)), { error: () => m.v_choose_option() })
		)
		// Stored in the domain's order, each grade once, whatever order the browser posted.
		.transform((list) => grades.filter((g) => list.includes(g)));

const fields = {
	campaignId: z
		.string({ error: () => m.v_choose_option() })
		.regex(/^[1-9]\d{0,9}$/, { error: () => m.v_choose_option() })
		.transform(Number),
	year: year(),
	name: requiredText(limits.editionName),
	descriptionNl: optionalText(limits.description),
	descriptionEn: optionalText(limits.description),
	opensDate: calendarDate(),
	opensTime: clockTime(defaultOpensTime),
	closesDate: calendarDate(),
	closesTime: clockTime(defaultClosesTime),
	workshopStartsOn: calendarDate(),
	workshopEndsOn: calendarDate(),
	grades: gradeList(),
	maxClasses: maximum(),
	maxClassesPerCampus: maximum(),
	travelBufferMinutes: rule('travelBufferMinutes'),
	maxWorkshopsPerTrainerDay: rule('maxWorkshopsPerTrainerDay'),
	cancellationDeadlineDays: rule('cancellationDeadlineDays'),
	reminderDaysBefore: rule('reminderDaysBefore'),
	...schoolHoursFields
};

type Field = keyof typeof fields;

/** Runs a cross-field rule as soon as the fields it reads are valid, even if others are not. */
const whenValid = (...names: Field[]) => ({
	when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => names.includes(i.path?.[0] as Field))
});

type Parsed = z.output<z.ZodObject<typeof fields>>;

/**
 * The edition form. The enrolment window is typed as Brussels dates and times
 * and leaves as UTC instants; the workshop period stays calendar dates.
 */
export const editionSchema = z
	.object(fields)
	.superRefine(
		(v: Parsed, ctx) => {
			const opens = brusselsToUtc(v.opensDate, v.opensTime);
			const closes = brusselsToUtc(v.closesDate, v.closesTime);
			if (closes <= opens) ctx.addIssue({ code: 'custom', path: ['closesDate'], message: m.ed_v_window_order() });
		},
		whenValid('opensDate', 'opensTime', 'closesDate', 'closesTime')
	)
	.superRefine(
		(v: Parsed, ctx) => {
			if (v.workshopEndsOn < v.workshopStartsOn) ctx.addIssue({ code: 'custom', path: ['workshopEndsOn'], message: m.ed_v_period_order() });
		},
		whenValid('workshopStartsOn', 'workshopEndsOn')
	)
	.superRefine((v: Parsed, ctx) => checkSchoolHours(v, ctx), whenValid(...hoursFieldNames))
	.transform((v) => ({
		campaignId: v.campaignId,
		year: v.year,
		name: v.name,
		descriptionNl: v.descriptionNl,
		descriptionEn: v.descriptionEn,
		enrolmentOpensAt: brusselsToUtc(v.opensDate, v.opensTime),
		enrolmentClosesAt: brusselsToUtc(v.closesDate, v.closesTime),
		workshopStartsOn: v.workshopStartsOn,
		workshopEndsOn: v.workshopEndsOn,
		grades: v.grades,
		maxClasses: v.maxClasses,
		maxClassesPerCampus: v.maxClassesPerCampus,
		...rulesOf(v),
		/** null: the form did not post the hours (a new edition gets the default, an edited one keeps its own). */
		schoolHours: schoolHoursText(v)
	}));

export type EditionInput = z.output<typeof editionSchema>;
