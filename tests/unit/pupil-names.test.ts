import { describe, expect, it } from 'vitest';
import { parsePupilNames } from '../../src/lib/server/certificates/pupil-names';

describe('pupil names for named certificates', () => {
	it('keeps one name per line: trimmed, control characters out, empty lines dropped, NFC', () => {
		const decomposed = 'Zoe\u0308';
		const result = parsePupilNames(`  Łukasz \r\n\r\n\tŞükrü\u0007\n${decomposed}\n   \nNguyễn  Văn\u202e\n`);
		expect(result).toEqual({ ok: true, names: ['Łukasz', 'Şükrü', 'Zoë', 'Nguyễn Văn'] });
		if (result.ok) expect(result.names[2]).toBe('Zo\u00eb');
	});

	it('refuses an empty list, and more than 40 names with the count', () => {
		expect(parsePupilNames(' \n\n ')).toEqual({ ok: false, errors: [{ kind: 'empty' }] });
		expect(parsePupilNames(Array.from({ length: 500 }, (_, i) => `Kind ${i}`).join('\n'))).toEqual({ ok: false, errors: [{ kind: 'too_many', count: 500 }] });
		expect(parsePupilNames(Array.from({ length: 40 }, (_, i) => `Kind ${i}`).join('\n\n')).ok).toBe(true);
	});

	it('names the line of a name over 80 characters or with characters the font lacks', () => {
		const result = parsePupilNames(`Ольга\n\n${'A'.repeat(81)}\nΕλένη\n李雷\n${'B'.repeat(80)}`);
		expect(result).toEqual({
			ok: false,
			errors: [
				{ kind: 'too_long', line: 3 },
				{ kind: 'unprintable', line: 5 }
			]
		});
	});

	it('refuses a huge paste as too many names without splitting it forever', () => {
		expect(parsePupilNames(`Zoë\n${'x'.repeat(30_000)}`)).toEqual({ ok: false, errors: [{ kind: 'too_long', line: 2 }] });
		expect(parsePupilNames('Kim\n'.repeat(6_000))).toEqual({ ok: false, errors: [{ kind: 'too_many', count: 6_000 }] });
	});
});
