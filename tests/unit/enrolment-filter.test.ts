import { describe, expect, it } from 'vitest';
import { enrolmentQuery, parseEnrolmentFilter } from '../../src/lib/schemas/enrolment-filter';

const parse = (query: string) => parseEnrolmentFilter(new URLSearchParams(query));

describe('the enrolment overview filter in the URL', () => {
	it('defaults to every school, level and grade, enrolled and waiting classes, sorted by school, page 1', () => {
		expect(parse('')).toEqual({ school: '', level: undefined, grade: undefined, status: undefined, q: '', sort: 'school', dir: 'asc', page: 1 });
	});

	it('reads every filter, the sort and the page', () => {
		expect(parse('school=Atheneum&level=lager&grade=L5&status=waiting&q=Sint&sort=pupils&dir=desc&page=3')).toEqual({
			school: 'Atheneum',
			level: 'lager',
			grade: 'L5',
			status: 'waiting',
			q: 'Sint',
			sort: 'pupils',
			dir: 'desc',
			page: 3
		});
	});

	it('ignores values that make no sense instead of failing', () => {
		expect(parse('level=universiteit&grade=Z9&status=deleted&sort=password&dir=up&page=-2')).toEqual(parse(''));
		expect(parse('page=abc').page).toBe(1);
		expect(parse('page=100001').page).toBe(1);
	});

	it('trims and normalises the search text and caps its length', () => {
		expect(parse(`q=${encodeURIComponent('  Zoe\u0308  ')}`).q).toBe('Zoë');
		expect(parse(`q=${'a'.repeat(150)}`).q).toHaveLength(100);
		// The school is searched the same way: part of its name or its instellingsnummer.
		expect(parse(`school=${encodeURIComponent('  Sint-Jozef ')}`).school).toBe('Sint-Jozef');
		expect(parse(`school=${'b'.repeat(150)}`).school).toHaveLength(100);
	});

	it('writes links that leave out defaults and round-trip', () => {
		const filter = parse('level=secundair&q=zoë&sort=pupils&dir=desc&page=4');
		expect(enrolmentQuery(filter)).toBe('?q=zo%C3%AB&level=secundair&sort=pupils&dir=desc');
		expect(enrolmentQuery(parse('school=Atheneum Zo%C3%AB'))).toBe('?school=Atheneum+Zo%C3%AB');
		expect(enrolmentQuery(filter, { page: 5 })).toBe('?q=zo%C3%AB&level=secundair&sort=pupils&dir=desc&page=5');
		expect(enrolmentQuery(parse(''))).toBe('');
		expect(parse(enrolmentQuery(filter, { page: 4 }).slice(1))).toEqual(filter);
	});
});
