import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../src/lib/colour';
import { accentStyle, accentTokens, defaultAccent } from '../../src/lib/theme';

/** The colour tokens as written in src/styles/tokens.css, var() references resolved: the test reads the file, so it cannot drift. */
function tokens(): Map<string, string> {
	const css = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');
	const raw = new Map([...css.matchAll(/^\s*(--[a-z0-9-]+):\s*([^;]+);/gm)].map(([, name, value]) => [name, value.trim()]));
	const resolve = (value: string): string => value.replace(/var\((--[a-z0-9-]+)\)/g, (_, name: string) => resolve(raw.get(name) ?? 'missing'));
	return new Map([...raw].map(([name, value]) => [name, resolve(value)]));
}

const t = tokens();
const colour = (name: string) => {
	const v = t.get(name);
	expect(v, `${name} is a #rrggbb colour in tokens.css`).toMatch(/^#[0-9a-f]{6}$/i);
	return v!;
};

// [foreground, background, minimum, where it is used]
const textPairs: [string, string, number, string][] = [
	['--text', '--bg', 4.5, 'body text'],
	['--text', '--bg-soft', 4.5, 'table headers'],
	['--muted', '--bg', 4.5, 'hints, secondary text'],
	['--muted', '--bg-soft', 4.5, 'hints on a soft surface'],
	['--muted', '--neutral-soft', 4.5, 'an inactive badge'],
	['--accent', '--bg', 4.5, 'links'],
	['--accent', '--bg-soft', 4.5, 'links on a soft surface'],
	['--accent', '--accent-soft', 4.5, 'links in a notice'],
	['--accent-dark', '--accent-soft', 4.5, 'badges, the navigation'],
	['--on-accent', '--accent', 4.5, 'main button'],
	['--on-accent', '--accent-dark', 4.5, 'main button, hovered'],
	['--on-primary', '--primary', 4.5, 'main button (role name)'],
	['--secondary', '--bg', 4.5, 'secondary button'],
	['--secondary', '--secondary-hover', 4.5, 'secondary button, hovered'],
	['--text', '--accent-soft', 4.5, 'text in a notice'],
	['--warning-text', '--warning-soft', 4.5, 'warning badge and notice ("Lage voorraad")'],
	['--text', '--warning-soft', 4.5, 'text in a warning notice'],
	['--on-warning', '--warning', 4.5, 'text on an amber fill'],
	['--danger-text', '--danger-soft', 4.5, 'error badge and notice'],
	['--danger-text', '--bg', 4.5, 'field errors'],
	['--danger', '--bg', 4.5, 'danger text on white'],
	['--on-danger', '--danger', 4.5, 'danger button'],
	['--on-danger', '--danger-dark', 4.5, 'danger button, hovered'],
	['--text', '--danger-soft', 4.5, 'text in an error notice'],
	['--success-text', '--success-soft', 4.5, 'success badge and notice'],
	['--success', '--bg', 4.5, 'success text on white'],
	['--on-success', '--success', 4.5, 'text on a green fill'],
	['--text', '--success-soft', 4.5, 'text in a success notice'],
	['--footer-text', '--footer-bg', 4.5, 'footer links'],
	['--footer-muted', '--footer-bg', 4.5, 'footer small print'],
	['--focus', '--bg', 3, 'focus ring (UI component)'],
	['--border-strong', '--bg', 3, 'field borders (UI component)'],
	['--secondary-border', '--bg', 3, 'secondary button border (UI component)'],
	['--warning', '--bg', 3, 'warning notice edge (graphic)'],
	['--danger', '--bg', 3, 'invalid field border (UI component)']
];

describe('colour tokens (src/styles/tokens.css)', () => {
	it.each(textPairs)('%s on %s reaches %d:1 (%s)', (fg, bg, min) => {
		expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(min);
	});

	it('has every role with its text and soft variants', () => {
		for (const role of ['accent', 'primary', 'success', 'warning', 'danger']) {
			for (const name of [`--${role}`, `--${role}-soft`, `--on-${role}`]) colour(name);
		}
		for (const name of ['--warning-text', '--danger-text', '--success-text', '--secondary', '--text', '--muted', '--border']) colour(name);
	});

	it('uses the default accent of src/lib/theme.ts', () => {
		expect(colour('--accent')).toBe(defaultAccent);
	});
});

describe("the city's colour at run time (src/lib/theme.ts)", () => {
	const readable = (c: string) => {
		const a = accentTokens(c);
		expect(contrast('#ffffff', a.accent)).toBeGreaterThanOrEqual(4.5);
		expect(contrast('#ffffff', a.accentDark)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(a.accent, a.accentSoft)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(a.accentDark, a.accentSoft)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(a.accent, colour('--bg-soft'))).toBeGreaterThanOrEqual(4.5);
		return a;
	};

	it('keeps a readable city colour as it is', () => {
		expect(readable('#00607A').accent).toBe('#00607a');
	});

	it('darkens a pale city colour until white text on it and it as link text read', () => {
		const pale = '#ffd6e8';
		expect(contrast('#ffffff', pale)).toBeLessThan(1.5);
		const a = readable(pale);
		expect(a.accent).not.toBe(pale);
		// The hue stays: still more red than green or blue.
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(a.accent.slice(i, i + 2), 16));
		expect(r).toBeGreaterThan(g);
		expect(r).toBeGreaterThan(b);
	});

	it('falls back to the default for a yellow, a white and a malformed value', () => {
		for (const c of ['#ffff00', '#ffffff', '#fff', 'purple', 'red; background: url(x)', null]) readable(c as string);
		expect(accentTokens('not a colour').accent).toBe(defaultAccent);
		expect(accentStyle('red; background: url(x)')).not.toContain('url');
	});
});
