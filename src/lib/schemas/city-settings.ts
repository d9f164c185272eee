import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { looksLikeMoreThanAnAddress, optionalText, requiredText } from './fields';

/**
 * The city's identity as a coordinator edits it (name, contacts, help links).
 * The logo travels beside the form as bytes and is checked on the server.
 * Client-safe.
 */

/** An e-mail address, or empty: the same checks as the required address fields. */
export const optionalEmail = () =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(
			z
				.string()
				.max(limits.email, { error: () => m.v_too_long({ max: limits.email }) })
				.refine((s) => !looksLikeMoreThanAnAddress(s), { error: () => m.ntf_v_email_bare() })
				.refine((s) => s === '' || z.email().safeParse(s).success, { error: () => m.v_email() })
		)
		.transform((s) => (s === '' ? null : s.toLowerCase()));

/** Only http(s): a "javascript:" or "data:" address must never become a link. */
export function isWebAddress(s: string): boolean {
	if (/\s/.test(s)) return false;
	try {
		const url = new URL(s);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}

export const optionalWebAddress = () =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(
			z
				.string()
				.max(limits.webAddress, { error: () => m.v_too_long({ max: limits.webAddress }) })
				.refine((s) => s === '' || isWebAddress(s), { error: () => m.cs_v_web_address() })
		)
		.transform((s) => (s === '' ? null : s));

const helpLink = z
	.object({
		labelNl: optionalText(limits.helpLinkLabel),
		labelEn: optionalText(limits.helpLinkLabel),
		url: optionalWebAddress()
	})
	.superRefine((link, ctx) => {
		const used = link.labelNl || link.labelEn || link.url;
		if (used && !link.url) ctx.addIssue({ code: 'custom', path: ['url'], message: m.cs_v_link_url() });
		if (used && !link.labelNl) ctx.addIssue({ code: 'custom', path: ['labelNl'], message: m.cs_v_link_label() });
	});

/** Form fields "links.0.url", "links.0.labelNl" … become a list; errors keep those names. */
function gatherLinks(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object') return raw;
	const input = raw as Record<string, unknown>;
	const links: Record<string, unknown>[] = [];
	for (const [key, value] of Object.entries(input)) {
		const match = /^links\.(\d)\.(labelNl|labelEn|url)$/.exec(key);
		if (!match || Number(match[1]) >= limits.helpLinks) continue;
		(links[Number(match[1])] ??= {})[match[2]] = value;
	}
	return { ...input, links: Array.from(links, (l) => l ?? {}) };
}

const checkbox = () =>
	z
		.string()
		.optional()
		.transform((s) => s === 'on');

export const citySettingsSchema = z.preprocess(
	gatherLinks,
	z.object({
		nameNl: requiredText(limits.cityName),
		nameEn: optionalText(limits.cityName),
		shortNameNl: optionalText(limits.cityShortName),
		shortNameEn: optionalText(limits.cityShortName),
		contactEmail: optionalEmail(),
		website: optionalWebAddress(),
		dpoName: optionalText(limits.personName),
		dpoEmail: optionalEmail(),
		accessibilityEmail: optionalEmail(),
		links: z
			.array(helpLink)
			.max(limits.helpLinks)
			.transform((all) => all.filter((l) => l.url && l.labelNl).map((l) => ({ labelNl: l.labelNl!, labelEn: l.labelEn, url: l.url! }))),
		removeLogo: checkbox()
	})
);
export type CitySettingsInput = z.output<typeof citySettingsSchema>;
export type HelpLink = CitySettingsInput['links'][number];
