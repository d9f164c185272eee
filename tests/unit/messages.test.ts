import { describe, expect, it } from 'vitest';
import nl from '../../messages/nl.json';
import en from '../../messages/en.json';
import * as m from '../../src/lib/paraglide/messages';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('messages', () => {
	it('exist in Dutch and English with the same keys', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
	});

	it('use the same parameters in both languages, and none is empty', () => {
		for (const [key, text] of Object.entries(nl)) {
			if (key === '$schema') continue;
			expect(params(text), key).toEqual(params((en as Record<string, string>)[key]));
			expect(text.trim(), key).not.toBe('');
			expect((en as Record<string, string>)[key].trim(), key).not.toBe('');
		}
	});

	it('were compiled (an offline build that loaded no plugin would emit none)', () => {
		expect(m.login_title({}, { locale: 'nl' })).toBe('Aanmelden');
		expect(m.login_title({}, { locale: 'en' })).toBe('Log in');
		expect(m.welcome({ name: 'Zoë' }, { locale: 'en' })).toBe('Welcome, Zoë');
	});
});
