import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { choice, optionalText, requiredText } from './fields';
import { confirmField } from './confirm';

/**
 * The trainer's workshop forms: booking, cancelling, reporting, and a planner's
 * assigning. Their output is what the booking and report services take. Client-safe.
 */
const id = () =>
	z.coerce
		.number({ error: () => m.v_choose_option() })
		.int()
		.positive({ error: () => m.v_choose_option() });

/** A whole number in [min, max] typed in a form, with the field's own message. */
const count = (min: number, max: number, message: () => string) =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => s.trim())
		.refine((s) => s !== '', { error: () => m.v_required() })
		.refine((s) => s === '' || (/^\d{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max), { error: message })
		.transform(Number);

export const reportLimits = { pupilsMax: 200, durationMax: 480 } as const;

export const bookSchema = z.object({ slotId: id() });

// Giving up a workshop tells its teachers a trainer is missing: only with the tick of its confirmation.
export const cancelBookingSchema = z.object({ reason: requiredText(limits.cancelReason), confirm: confirmField(() => m.wst_cancel_error_confirm()) });

export const reportGivenSchema = z.object({
	pupilsPresent: count(0, reportLimits.pupilsMax, () => m.wst_error_pupils({ max: reportLimits.pupilsMax })),
	durationMinutes: count(1, reportLimits.durationMax, () => m.wst_error_duration({ max: reportLimits.durationMax })),
	note: optionalText(limits.slotNote)
});

export const notGivenReasons = ['cancelled_by_school', 'trainer_ill', 'class_absent', 'other'] as const;

export const reportNotGivenSchema = z.object({
	notGivenReason: choice(notGivenReasons),
	note: optionalText(limits.slotNote)
});

export const assignSchema = z.object({ slotId: id(), trainerId: id() });

export const unassignSchema = z.object({ slotId: id(), trainerId: id(), reason: optionalText(limits.cancelReason) });
