import { z } from 'zod';
import { retentionBounds, type RetentionPeriods } from '../retention-periods';
import * as m from '../paraglide/messages';

/** A whole number within bounds, posted as text; the message names the bounds. Client-safe. */
export const wholeWithin = ({ min, max }: { min: number; max: number }) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(
			z
				.string()
				.regex(/^\d{1,4}$/, { error: () => m.ret_v_whole_number({ min, max }) })
				.transform(Number)
				.pipe(
					z
						.number()
						.min(min, { error: () => m.ret_v_range({ min, max }) })
						.max(max, { error: () => m.ret_v_range({ min, max }) })
				)
		);

const period = (key: keyof RetentionPeriods) => wholeWithin(retentionBounds[key]);

export const retentionSettingsSchema = z.object({
	accountMonths: period('accountMonths'),
	outboxDays: period('outboxDays'),
	auditMonths: period('auditMonths')
});
export type RetentionSettingsInput = z.output<typeof retentionSettingsSchema>;
