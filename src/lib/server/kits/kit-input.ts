import type { KitAllowanceKind, Level } from '../db/schema';
import { ValidationError } from '../errors';
import { levels } from '../../domain';
import { limits } from '../../limits';

/** A catalogue item as a coordinator enters it (already parsed by the form's schema, checked again here). */
export interface KitItemInput {
	nameNl: string;
	nameEn: string;
	unitNl: string;
	unitEn: string;
	level: Level | null;
	allowanceKind: KitAllowanceKind;
	/** per_pupil: 1100 = enrolled pupils x 1.1. */
	marginPerMille?: number | null;
	/** fixed_per_campus: the number per campus. */
	fixedQuantity?: number | null;
	lowStockThreshold?: number | null;
	sortOrder?: number;
}

export const marginPerMilleRange = { min: 1, max: 10_000 } as const;
export const quantityMax = 1_000_000;

const isWhole = (n: unknown, min: number, max: number): n is number => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;

function text(value: string, max: number, field: string): string {
	const v = value.normalize('NFC').trim();
	if (!v) throw new ValidationError('kit_error_required', field);
	if (v.length > max) throw new ValidationError('kit_error_too_long', field, { max });
	return v;
}

/** The item's columns from the input, or a field error. */
export function checkItemInput(input: KitItemInput) {
	if (input.level !== null && !levels.includes(input.level)) throw new ValidationError('kit_error_level_unknown', 'level');
	const perPupil = input.allowanceKind === 'per_pupil';
	if (!perPupil && input.allowanceKind !== 'fixed_per_campus') throw new ValidationError('kit_error_allowance_unknown', 'allowanceKind');
	if (perPupil && !isWhole(input.marginPerMille, marginPerMilleRange.min, marginPerMilleRange.max))
		throw new ValidationError('kit_error_margin_invalid', 'marginPerMille');
	if (!perPupil && !isWhole(input.fixedQuantity, 0, quantityMax)) throw new ValidationError('kit_error_fixed_invalid', 'fixedQuantity');
	const threshold = input.lowStockThreshold ?? null;
	if (threshold !== null && !isWhole(threshold, 0, quantityMax)) throw new ValidationError('kit_error_quantity_invalid', 'lowStockThreshold');
	const sortOrder = input.sortOrder ?? 0;
	if (!isWhole(sortOrder, -quantityMax, quantityMax)) throw new ValidationError('kit_error_quantity_invalid', 'sortOrder');
	return {
		nameNl: text(input.nameNl, limits.kitItemName, 'nameNl'),
		nameEn: text(input.nameEn, limits.kitItemName, 'nameEn'),
		unitNl: text(input.unitNl, limits.kitUnit, 'unitNl'),
		unitEn: text(input.unitEn, limits.kitUnit, 'unitEn'),
		level: input.level,
		allowanceKind: input.allowanceKind,
		marginPerMille: perPupil ? input.marginPerMille! : null,
		fixedQuantity: perPupil ? null : input.fixedQuantity!,
		lowStockThreshold: threshold,
		sortOrder
	};
}

/** A stock quantity a coordinator types: a whole number in range, else a field error. */
export function checkStockQuantity(q: number, min: number, field = 'quantity'): number {
	if (!isWhole(q, min, quantityMax)) throw new ValidationError('kit_error_quantity_invalid', field);
	return q;
}
