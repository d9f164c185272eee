import { z } from 'zod';
import { contrastWithWhite, hexColourPattern, minContrast } from '../colour';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { optionalText, requiredText } from './fields';

/** An absolute http(s) address, nothing else (no javascript:, no mailto:). Client-safe. */
export const isWebsite = (s: string) => {
	if (/\s/.test(s)) return false;
	try {
		const url = new URL(s);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
	} catch {
		return false;
	}
};

export const optionalWebsite = () => optionalText(limits.website).refine((s) => s === null || isWebsite(s), { error: () => m.co_v_website() });

const optionalColour = () =>
	optionalText(7)
		.refine((s) => s === null || hexColourPattern.test(s), { error: () => m.co_v_colour_format() })
		.refine((s) => s === null || !hexColourPattern.test(s) || contrastWithWhite(s) >= minContrast, { error: () => m.co_v_colour_contrast() })
		.transform((s) => (s === null ? null : s.toLowerCase()));

export const campaignSchema = z.object({
	name: requiredText(limits.campaignName),
	descriptionNl: optionalText(limits.description),
	descriptionEn: optionalText(limits.description),
	website: optionalWebsite(),
	colour: optionalColour()
});
export type CampaignInput = z.output<typeof campaignSchema>;
