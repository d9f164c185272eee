import { describe, expect, it } from 'vitest';
import { slug } from '../../src/lib/slug';

describe('one slug rule for every file name', () => {
	it('keeps the case where asked (certificates), the rest of the rule unchanged', () => {
		expect(slug('PAARS 2027 Klas 1A namen', { keepCase: true })).toBe('PAARS-2027-Klas-1A-namen');
		expect(slug('  Çavaria & Wel Jong: Zoë!  ', { keepCase: true })).toBe('Cavaria-Wel-Jong-Zoe');
		expect(slug('…', { keepCase: true })).toBe('export');
	});

	it('lower-cases by default (exports), ASCII only, at most 80 characters', () => {
		expect(slug('PAARS 2027')).toBe('paars-2027');
		expect(slug('Ωμέγα 2027')).toBe('2027');
		expect(slug('a'.repeat(100))).toHaveLength(80);
	});
});
