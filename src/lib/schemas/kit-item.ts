import { z } from 'zod';
import { levels } from '../domain';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { choice, requiredText } from './fields';

/** A whole number typed in a form; empty is null when optional. */
const wholeNumber = (min: number, optional: boolean) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.refine((s) => (optional && s === '') || /^-?\d{1,9}$/.test(s), { error: () => m.kit_error_quantity_invalid() })
		.transform((s) => (s === '' ? null : Number(s)))
		.refine((n) => n === null || n >= min, { error: () => m.kit_error_quantity_invalid() });

/** "1,1" or "1.1" pupils' factor, stored as per mille (1100). */
const factor = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim().replace(',', '.'))
	.refine((s) => s === '' || /^\d{1,2}(\.\d{1,3})?$/.test(s), { error: () => m.kitui_error_factor() })
	.transform((s) => (s === '' ? null : Math.round(Number(s) * 1000)));

/** The catalogue item form; whether margin or fixed number is required is the service's check (checkItemInput). Client-safe. */
export const kitItemSchema = z.object({
	nameNl: requiredText(limits.kitItemName),
	nameEn: requiredText(limits.kitItemName),
	unitNl: requiredText(limits.kitUnit),
	unitEn: requiredText(limits.kitUnit),
	level: z
		.string()
		.optional()
		.transform((s) => (s ? s : null))
		.refine((s) => s === null || (levels as readonly string[]).includes(s), { error: () => m.kit_error_level_unknown() })
		.transform((s) => s as (typeof levels)[number] | null),
	allowanceKind: choice(['per_pupil', 'fixed_per_campus'] as const),
	marginPerMille: factor,
	fixedQuantity: wholeNumber(0, true),
	lowStockThreshold: wholeNumber(0, true),
	sortOrder: wholeNumber(-1_000_000, true).transform((n) => n ?? 0)
});

export const stockSchema = z.object({ itemId: z.coerce.number().int().positive(), quantity: wholeNumber(0, false) });
export const onHandSchema = z.object({ itemId: z.coerce.number().int().positive(), onHand: wholeNumber(0, false) });
export const carryOverSchema = z.object({
	toEditionId: z.coerce
		.number({ error: () => m.v_choose_option() })
		.int()
		.positive({ error: () => m.v_choose_option() })
});
