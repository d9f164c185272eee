import { z } from 'zod';
import { instructionLanguages } from '../domain';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { isCalendarDate } from '../time/week';
import { confirmField } from './confirm';
import { choice, optionalText, requiredText } from './fields';

/**
 * The coordinator's workshop slot forms. Their output has the shape of the
 * services' SlotInput / BulkSlotInput, so a route passes it on unchanged.
 * Client-safe.
 */
export const bulkCountMax = 12;

const pad = (n: number) => String(n).padStart(2, '0');

/** "9:00", "09.00", "9,00" or "9u00" as "09:00"; null when it is no time of day. */
export function normaliseTime(text: string): string | null {
	const match = /^(\d{1,2})\s*[:.,hu]\s*(\d{2})$/i.exec(text.trim());
	if (!match) return null;
	const [h, min] = [Number(match[1]), Number(match[2])];
	return h > 23 || min > 59 ? null : `${pad(h)}:${pad(min)}`;
}

const timeOfDay = () =>
	z.string({ error: () => m.v_required() }).transform((s, ctx) => {
		if (!s.trim()) ctx.addIssue({ code: 'custom', message: m.v_required() });
		const time = normaliseTime(s);
		if (s.trim() && !time) ctx.addIssue({ code: 'custom', message: m.wsa_error_time() });
		return time ?? '';
	});

const calendarDate = () =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => s.trim())
		.refine((s) => s !== '', { error: () => m.v_required() })
		.refine((s) => s === '' || isCalendarDate(s), { error: () => m.wsa_error_date() });

/** A whole number in [min, max] typed in a form; empty is null when optional. */
const wholeNumber = <O extends boolean>(min: number, max: number, optional: O) =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			const text = (s ?? '').trim();
			if (text === '') {
				if (!optional) ctx.addIssue({ code: 'custom', message: m.v_required() });
				return null;
			}
			const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
			if (!(n >= min && n <= max)) ctx.addIssue({ code: 'custom', message: m.wsa_error_number_range({ min, max }) });
			return n;
		}) as z.ZodType<O extends true ? number | null : number>;

/** An id chosen in a select; `optional` lets "" stand for none (null). */
const id = () =>
	z.coerce
		.number({ error: () => m.v_choose_option() })
		.int({ error: () => m.v_choose_option() })
		.positive({ error: () => m.v_choose_option() })
		.max(2_147_483_647, { error: () => m.v_choose_option() });
const optionalId = () =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			const text = (s ?? '').trim();
			if (text === '') return null;
			const n = /^\d{1,10}$/.test(text) ? Number(text) : 0;
			if (n < 1 || n > 2_147_483_647) ctx.addIssue({ code: 'custom', message: m.v_choose_option() });
			return n;
		});

const settings = {
	campusId: id(),
	localDate: calendarDate(),
	room: optionalText(limits.slotRoom),
	language: choice(instructionLanguages),
	trainersNeeded: choice(['1', '2'] as const).transform((n) => Number(n) as 1 | 2),
	maxPupils: wholeNumber(1, 200, true),
	organisationId: optionalId(),
	trainerNote: optionalText(limits.slotNote),
	outsideHours: z.string().optional(),
	hoursExceptionReason: optionalText(limits.hoursExceptionReason)
};

/**
 * The exception to the school hours: a ticked box needs its reason; an unticked
 * box drops a reason typed before. Leaves as hoursExceptionReason (null: none).
 */
const withHoursException = <T extends { outsideHours?: string; hoursExceptionReason: string | null }>(schema: z.ZodType<T>) =>
	schema
		.superRefine((v, ctx) => {
			if (v.outsideHours && !v.hoursExceptionReason) ctx.addIssue({ code: 'custom', path: ['hoursExceptionReason'], message: m.hours_error_reason_required() });
		})
		.transform(({ outsideHours, hoursExceptionReason, ...rest }) => ({ ...rest, hoursExceptionReason: outsideHours ? hoursExceptionReason : null }));

export const slotSchema = withHoursException(z.object({ ...settings, startTime: timeOfDay(), endTime: timeOfDay() }));

/** "Campus X, 12 May, four slots of 50 minutes from 08:30 with 10 minutes between." */
export const bulkSlotSchema = withHoursException(
	z.object({
		...settings,
		firstStart: timeOfDay(),
		count: wholeNumber(1, bulkCountMax, false),
		durationMinutes: wholeNumber(10, 240, false),
		gapMinutes: wholeNumber(0, 120, false)
	})
);

export const cancelSlotSchema = z.object({
	reason: requiredText(limits.cancelReason),
	confirm: confirmField(() => m.wsa_error_confirm())
});

export const assignTrainerSchema = z.object({ trainerId: id() });
export const unassignTrainerSchema = z.object({ trainerId: id(), reason: optionalText(limits.cancelReason) });

/** The ticked classes (parse with `lists: ['classIds']`); none ticked empties the slot. */
export const slotClassesSchema = z.object({ classIds: z.array(id()) });

export const plannerSchema = z.object({ userId: id(), planner: choice(['0', '1'] as const).transform((v) => v === '1') });

/** "Place here" on the planning page: a class still to plan on one of its proposed slots. */
export const placeClassSchema = z.object({ classId: id(), slotId: id() });
