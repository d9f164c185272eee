/**
 * A campaign's colour is used as a background behind white text (badges, the
 * certificate band), so it must reach WCAG AA for normal text: 4.5:1 against white.
 * Client-safe.
 */
export const hexColourPattern = /^#[0-9a-fA-F]{6}$/;

const channel = (hex: string) => {
	const c = parseInt(hex, 16) / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of "#rrggbb". */
export function luminance(colour: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => channel(colour.slice(i, i + 2)));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of white text on this colour (1 to 21). */
export const contrastWithWhite = (colour: string) => 1.05 / (luminance(colour) + 0.05);

export const minContrast = 4.5;

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21), in either order. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
