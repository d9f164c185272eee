import { describe, expect, it } from 'vitest';
import { enrolledDeltas } from '../../src/lib/server/enrolments/class-counters.repository';

const at = (campusId: number, status: 'enrolled' | 'waiting' | 'withdrawn') => ({ editionId: 1, campusId, status });

describe('how a class write changes the enrolled counters', () => {
	it('counts a class that gains or loses its place, and nothing else', () => {
		expect([...enrolledDeltas(null, at(7, 'enrolled'))]).toEqual([[7, 1]]);
		expect([...enrolledDeltas(null, at(7, 'waiting'))]).toEqual([]);
		expect([...enrolledDeltas(at(7, 'waiting'), at(7, 'enrolled'))]).toEqual([[7, 1]]);
		expect([...enrolledDeltas(at(7, 'enrolled'), at(7, 'withdrawn'))]).toEqual([[7, -1]]);
		expect([...enrolledDeltas(at(7, 'enrolled'), at(7, 'waiting'))]).toEqual([[7, -1]]);
		expect([...enrolledDeltas(at(7, 'enrolled'), at(7, 'enrolled'))]).toEqual([]);
		expect([...enrolledDeltas(at(7, 'waiting'), at(7, 'withdrawn'))]).toEqual([]);
	});

	it('moves the place of an enrolled class to its new campus; a waiting class moves nothing', () => {
		expect([...enrolledDeltas(at(7, 'enrolled'), at(8, 'enrolled'))]).toEqual([
			[7, -1],
			[8, 1]
		]);
		expect([...enrolledDeltas(at(7, 'waiting'), at(8, 'waiting'))]).toEqual([]);
	});
});
