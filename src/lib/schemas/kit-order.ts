import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { choice, optionalText } from './fields';

/** The kit order form without its quantities (one field per item: see orderLines). Client-safe. */
export const kitOrderSchema = z.object({
	campusId: z.coerce.number().int().positive(),
	editionId: z.coerce.number().int().positive(),
	orderId: z
		.string()
		.optional()
		.transform((s) => (s ? Number(s) : undefined))
		.pipe(z.number().int().positive().optional()),
	delivery: choice(['delivery', 'pickup'] as const),
	remarks: optionalText(limits.remark)
});

const quantityField = /^quantity_(\d+)$/;

/**
 * The posted quantity fields "quantity_<itemId>": an empty field is 0; anything
 * but a whole number is a field error. Whether the numbers fit the campus maximum
 * is the service's decision (saveOrder).
 */
export function orderLines(form: FormData): { lines: { itemId: number; quantity: number }[]; errors: Record<string, string> } {
	const lines: { itemId: number; quantity: number }[] = [];
	const errors: Record<string, string> = {};
	for (const [key, value] of form) {
		const match = quantityField.exec(key);
		if (!match || typeof value !== 'string') continue;
		const text = value.trim();
		if (text !== '' && !/^-?\d{1,9}$/.test(text)) errors[key] = m.kit_error_quantity_invalid();
		else lines.push({ itemId: Number(match[1]), quantity: text === '' ? 0 : Number(text) });
	}
	return { lines, errors };
}
