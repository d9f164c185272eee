import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../src/lib/schemas/common-passwords';

describe('common passwords', () => {
	it.each(['wachtwoord123', 'Password2026!', '1234567890', 'qwertyuiop', 'Vlaanderen2027', 'aaaaaaaaaaaa', '0000000000', 'Regenboog!!!!!!'])(
		'refuse %s',
		(p) => {
			expect(isCommonPassword(p)).toBe(true);
		}
	);

	it.each(['Paarse polsbandjes 2027', 'correct horse battery', 'Sam en Lily lezen samen'])('accept %s', (p) => {
		expect(isCommonPassword(p)).toBe(false);
	});
});
