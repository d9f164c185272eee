import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { addDays } from '../time/brussels';
import { choice, optionalText } from './fields';

export const blockedDayKinds = ['public_holiday', 'school_holiday', 'study_day', 'exam', 'other'] as const;
export type BlockedDayKind = (typeof blockedDayKinds)[number];

/** A range is at most this many days: a school holiday or an exam period, not a whole school year by mistake. */
export const maxBlockedRangeDays = 120;

const trimmed = () =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim());

const date = (required: boolean) =>
	trimmed().pipe(
		z
			.string()
			.refine((s) => !required || s !== '', { error: () => m.v_required(), abort: true })
			.refine((s) => s === '' || z.iso.date().safeParse(s).success, { error: () => m.bd_v_date() })
	);

/**
 * Blocking one day (only `from`) or a range (`from` to `to`, both included).
 * Leaves as the list of days, so the service never has to count itself.
 */
export const blockDaysSchema = z
	.object({
		from: date(true),
		to: date(false),
		kind: choice(blockedDayKinds),
		label: optionalText(limits.blockedDayLabel)
	})
	.superRefine(
		(v, ctx) => {
			if (!v.to) return;
			if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: m.bd_v_to_before_from() });
			else if (addDays(v.from, maxBlockedRangeDays - 1) < v.to)
				ctx.addIssue({ code: 'custom', path: ['to'], message: m.bd_v_range_too_long({ max: maxBlockedRangeDays }) });
		},
		{ when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'from' || i.path?.[0] === 'to') }
	)
	.transform((v) => ({ from: v.from, to: v.to || v.from, kind: v.kind, label: v.label }));

export type BlockDaysInput = z.output<typeof blockDaysSchema>;

/** Releasing one blocked day. */
export const releaseDaySchema = z.object({ date: date(true) });

/** Releasing a period of the table: its first and last day and its kind. */
export const releasePeriodSchema = z
	.object({ from: date(true), to: date(true), kind: choice(blockedDayKinds) })
	.refine((v) => v.to >= v.from, { path: ['to'], error: () => m.bd_v_to_before_from() });

/** Releasing every blocked day of one kind (all school holidays, say, to enter next year's). */
export const releaseKindSchema = z.object({ kind: choice(blockedDayKinds) });

/** The most entries (lines or events) one imported file may hold. */
export const maxImportEntries = 500;

/** The kind the days of an imported file get (the file itself is read by the server). */
export const importKindSchema = z.object({ kind: choice(blockedDayKinds) });
