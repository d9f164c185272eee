import { describe, expect, it } from 'vitest';
import { groupByCampus } from '../../src/lib/server/reports/overview-groups';

const row = (campusId: number) => ({ campusId, schoolName: `School ${campusId}`, campusName: `Campus ${campusId}`, city: 'Gent' });
const counts = new Map([
	[1, 3],
	[2, 1],
	[3, 4]
]);

describe('the enrolment overview grouped by campus', () => {
	it('writes school and campus once per campus, with how many classes it has', () => {
		const groups = groupByCampus([row(1), row(1), row(1), row(2), row(3)], counts, null);
		expect(groups.map((g) => [g.campusName, g.schoolName, g.count, g.start, g.size, g.continued])).toEqual([
			['Campus 1', 'School 1', 3, 0, 3, false],
			['Campus 2', 'School 2', 1, 3, 1, false],
			['Campus 3', 'School 3', 4, 4, 1, false]
		]);
	});

	it('repeats the heading of a campus that goes on from the previous page, marked as continued', () => {
		const groups = groupByCampus([row(3), row(3), row(3)], counts, 3);
		expect(groups).toHaveLength(1);
		expect(groups[0]).toMatchObject({ campusId: 3, count: 4, continued: true, size: 3 });
		// A page that starts with another campus than the last row before it starts a fresh group.
		expect(groupByCampus([row(2), row(3)], counts, 1)[0].continued).toBe(false);
	});

	it('gives a campus a new heading each time it comes back in a sort on a class column', () => {
		const groups = groupByCampus([row(1), row(2), row(1)], counts, null);
		expect(groups.map((g) => g.campusId)).toEqual([1, 2, 1]);
		expect(groups.every((g) => g.size === 1)).toBe(true);
	});

	it('has no groups on an empty page', () => {
		expect(groupByCampus([], counts, 1)).toEqual([]);
	});
});
