import { instructionLanguages, levels as allLevels, type InstructionLanguage, type Level } from '../../domain';
import { ValidationError } from '../errors';

/** Column sizes of db/migrations/2026-11-26T1500 (copied: migrations are frozen). */
export const materialLimits = { title: 200, description: 2000, url: 2000, sortOrderMax: 100_000 } as const;

export interface MaterialTexts {
	titleNl: string;
	titleEn: string;
	descriptionNl: string | null;
	descriptionEn: string | null;
	/** The language the material itself is in. */
	language: InstructionLanguage;
	levels: Level[];
	sortOrder: number;
}

const text = (value: string | null | undefined) => {
	const t = (value ?? '').normalize('NFC').trim();
	return t === '' ? null : t;
};

function requiredText(value: string, field: string): string {
	const t = text(value);
	if (!t) throw new ValidationError('mat_title_required', field);
	if ([...t].length > materialLimits.title) throw new ValidationError('mat_text_too_long', field, { max: materialLimits.title });
	return t;
}

function optionalText(value: string | null, field: string): string | null {
	const t = text(value);
	if (t && [...t].length > materialLimits.description) throw new ValidationError('mat_text_too_long', field, { max: materialLimits.description });
	return t;
}

/**
 * The service's own check of what a form sends (the route's zod schema gives the
 * same messages earlier); returns trimmed, NFC values.
 */
export function checkMaterialTexts(input: MaterialTexts): MaterialTexts {
	if (!instructionLanguages.includes(input.language)) throw new ValidationError('mat_language_invalid', 'language');
	const levels = [...new Set(input.levels)];
	if (!levels.length) throw new ValidationError('mat_levels_required', 'levels');
	if (levels.some((l) => !allLevels.includes(l))) throw new ValidationError('mat_levels_required', 'levels');
	if (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > materialLimits.sortOrderMax) {
		throw new ValidationError('mat_sort_order_invalid', 'sortOrder', { max: materialLimits.sortOrderMax });
	}
	return {
		titleNl: requiredText(input.titleNl, 'titleNl'),
		titleEn: requiredText(input.titleEn, 'titleEn'),
		descriptionNl: optionalText(input.descriptionNl, 'descriptionNl'),
		descriptionEn: optionalText(input.descriptionEn, 'descriptionEn'),
		language: input.language,
		levels,
		sortOrder: input.sortOrder
	};
}

/** Only absolute http(s) addresses without credentials: no javascript:, data: or file: links. */
export function checkLinkUrl(raw: string | null | undefined): string {
	const value = (raw ?? '').trim();
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ValidationError('mat_url_invalid', 'url');
	}
	if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || !url.hostname) {
		throw new ValidationError('mat_url_invalid', 'url');
	}
	if (value.length > materialLimits.url) throw new ValidationError('mat_text_too_long', 'url', { max: materialLimits.url });
	return url.toString();
}
