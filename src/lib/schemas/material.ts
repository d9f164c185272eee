import { z } from 'zod';
import { instructionLanguages, levels } from '../domain';
import * as m from '../paraglide/messages';
import { optionalText, requiredText } from './fields';

/** The limits of src/lib/server/materials/material-input.ts (the service checks them again). */
export const materialFormLimits = { title: 200, description: 2000, url: 2000, sortOrderMax: 100_000 } as const;

const sortOrder = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(
		z
			.string()
			.refine((s) => s === '' || (/^\d{1,6}$/.test(s) && Number(s) <= materialFormLimits.sortOrderMax), {
				error: () => m.mat_sort_order_invalid({ max: materialFormLimits.sortOrderMax })
			})
			.transform((s) => (s === '' ? 0 : Number(s)))
	);

/** The text fields of a material's forms (file upload, link, edit). */
export const materialTextsSchema = z.object({
	titleNl: requiredText(materialFormLimits.title),
	titleEn: requiredText(materialFormLimits.title),
	descriptionNl: optionalText(materialFormLimits.description),
	descriptionEn: optionalText(materialFormLimits.description),
	language: z.enum(instructionLanguages, { error: () => m.mat_language_invalid() }),
	levels: z.array(z.enum(levels, { error: () => m.mat_levels_required() })).min(1, { error: () => m.mat_levels_required() }),
	sortOrder
});

export const materialLinkSchema = materialTextsSchema.extend({
	url: z
		.string({ error: () => m.mat_url_invalid() })
		.trim()
		.min(1, { error: () => m.mat_url_invalid() })
		.max(materialFormLimits.url, { error: () => m.mat_text_too_long({ max: materialFormLimits.url }) })
});

/**
 * Levels are posted as one checkbox per level named "level_<level>" (a multipart upload
 * keeps one value per name); this gathers them into the schema's list.
 */
export function materialInput(fields: Record<string, unknown>): Record<string, unknown> {
	return { ...fields, levels: levels.filter((l) => fields[`level_${l}`] != null) };
}

/** The field that should show a message for a key path of the schema. */
export type MaterialTextsInput = z.output<typeof materialTextsSchema>;
