import { describe, expect, it } from 'vitest';
import { codeAlphabet, formatCode, newCode, normaliseCode, verifyUrl } from '../../src/lib/server/certificates/code';

describe('certificate verification codes', () => {
	it('are 15 Crockford base32 characters without I, L, O or U', () => {
		expect(codeAlphabet).toHaveLength(32);
		for (const ch of 'ILOU') expect(codeAlphabet).not.toContain(ch);
		for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);
	});

	it('differ from one another', () => {
		const codes = new Set(Array.from({ length: 1000 }, newCode));
		expect(codes.size).toBe(1000);
	});

	it('print in groups of five', () => {
		expect(formatCode('ABCDEFGHJKMNPQR')).toBe('ABCDE-FGHJK-MNPQR');
	});

	it('read back case-insensitively, without separators, forgiving I, L and O', () => {
		expect(normaliseCode('abcde-fghjk-mnpqr')).toBe('ABCDEFGHJKMNPQR');
		expect(normaliseCode(' ABCDE FGHJK  MNPQR ')).toBe('ABCDEFGHJKMNPQR');
		expect(normaliseCode('ABCDE.FGHJK_MNPQR')).toBe('ABCDEFGHJKMNPQR');
		expect(normaliseCode('oOiIlL-ABCDE-FGH')).toBe('001111ABCDEFGH');
		const code = newCode();
		expect(normaliseCode(formatCode(code).toLowerCase())).toBe(code);
	});

	it('refuse what cannot be a code', () => {
		for (const bad of [
			'',
			'ABC',
			'ABCDE-FGHJ',
			'ABCDEFGHJKMNPQRU',
			'ABCDE!FGHJKMNPQR',
			'ÄBCDEFGHJKMNPQR',
			'A'.repeat(21),
			'A'.repeat(100),
			'<script>alert(1)</script>'
		])
			expect(normaliseCode(bad), bad).toBeNull();
	});

	it('point to the verification page on the public origin, with the code as it is printed (dashes and all), which the page reads back', () => {
		const url = verifyUrl('ABCDEFGHJKMNPQR');
		expect(url).toMatch(/^https?:\/\/[^/]+\/verify\/ABCDE-FGHJK-MNPQR$/);
		expect(normaliseCode(url.split('/verify/')[1])).toBe('ABCDEFGHJKMNPQR');
	});
});
