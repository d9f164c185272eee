import { z } from 'zod';
import * as m from '../paraglide/messages';
import { optionalText } from './fields';

/** A colour as "#rrggbb", or empty for the default look. Client-safe. */
const colour = () =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim().toLowerCase())
		.refine((s) => s === '' || /^#[0-9a-f]{6}$/.test(s), { error: () => m.cpdf_branding_v_colour() });

export const certificateBrandingSchema = z.object({
	titleNl: optionalText(80),
	titleEn: optionalText(80),
	primaryColor: colour(),
	accentColor: colour(),
	removeLogo: z
		.string()
		.optional()
		.transform((s) => s === 'on')
});
export type CertificateBrandingInput = z.output<typeof certificateBrandingSchema>;
