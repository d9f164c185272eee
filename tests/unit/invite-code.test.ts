import { describe, expect, it } from 'vitest';
import { formatInviteCode, isWellFormedInviteCode, normaliseInviteCode } from '../../src/lib/invite-code';
import { newInviteCode } from '../../src/lib/server/campuses/invite-code.service';

describe('campus invite codes', () => {
	it('are 12 Crockford base32 characters without I, L, O or U', () => {
		for (let i = 0; i < 200; i++) {
			const code = newInviteCode();
			expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
			expect(isWellFormedInviteCode(code)).toBe(true);
		}
	});

	it('read forgivingly: case, spaces and hyphens do not matter; O is 0 and I, L are 1', () => {
		expect(normaliseInviteCode(' abcd-efgh-jkmn ')).toBe('ABCDEFGHJKMN');
		expect(normaliseInviteCode('OIL0 il10 0000')).toBe('011011100000');
		expect(formatInviteCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
	});

	it('refuse wrong lengths and letters outside the alphabet', () => {
		expect(isWellFormedInviteCode('ABCDEFGHJKM')).toBe(false);
		expect(isWellFormedInviteCode('ABCDEFGHJKMNP')).toBe(false);
		expect(isWellFormedInviteCode(normaliseInviteCode('ABCD-EFGH-JKMU'))).toBe(false);
	});
});
