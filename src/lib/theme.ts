import { contrast, hexColourPattern } from './colour';

/**
 * The city's colour, applied as overrides of the accent tokens (src/styles/tokens.css)
 * on the page root. A configured colour that would be unreadable (white button text
 * on it, or it as link text on its own soft tint, below WCAG AA 4.5:1) is darkened
 * step by step, keeping its hue, until it reads; an invalid value gives the default.
 * Client-safe.
 */
export const defaultAccent = '#6b2d8f';
export const minAccentContrast = 4.5;

export interface AccentTokens {
	accent: string;
	accentDark: string;
	accentSoft: string;
}

const hex = (n: number) =>
	Math.round(Math.min(255, Math.max(0, n)))
		.toString(16)
		.padStart(2, '0');
const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** `colour` moved towards `to` by `amount` (0 to 1), per sRGB channel. */
export function mix(colour: string, to: string, amount: number): string {
	const [a, b] = [rgb(colour), rgb(to)];
	return '#' + a.map((v, i) => hex(v + (b[i] - v) * amount)).join('');
}

const tokensOf = (accent: string): AccentTokens => ({ accent, accentDark: mix(accent, '#000000', 0.28), accentSoft: mix(accent, '#ffffff', 0.92) });

const readable = (t: AccentTokens) => contrast('#ffffff', t.accent) >= minAccentContrast && contrast(t.accent, t.accentSoft) >= minAccentContrast;

export function accentTokens(configured: string | null | undefined): AccentTokens {
	const base = configured && hexColourPattern.test(configured) ? configured.toLowerCase() : defaultAccent;
	for (let step = 0; step <= 20; step++) {
		const t = tokensOf(step === 0 ? base : mix(base, '#000000', step * 0.05));
		if (readable(t)) return t;
	}
	return tokensOf(defaultAccent);
}

/** The style attribute of the page root: the accent tokens as custom properties. */
export function accentStyle(configured: string | null | undefined): string {
	const t = accentTokens(configured);
	return `--accent: ${t.accent}; --accent-dark: ${t.accentDark}; --accent-soft: ${t.accentSoft};`;
}
