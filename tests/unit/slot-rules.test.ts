import { describe, expect, it } from 'vitest';
import { bulkTimes } from '../../src/lib/server/workshops/slots/slot-input';
import { collides, overlaps, trainerConflict, type TimedSlot } from '../../src/lib/server/workshops/slots/slot-rules';

const slot = (id: number, campusId: number, start: string, end: string, localDate = '2027-05-12'): TimedSlot => ({
	id,
	campusId,
	localDate,
	startsAt: `${localDate} ${start}:00.000`,
	endsAt: `${localDate} ${end}:00.000`
});
const rules = { travelBufferMinutes: 30, maxWorkshopsPerTrainerDay: 4 };

describe('workshop slot rules', () => {
	it('lets a trainer give back-to-back workshops at the same campus', () => {
		expect(collides(slot(1, 1, '08:30', '09:20'), slot(2, 1, '09:20', '10:10'), 30)).toBe(false);
	});

	it('asks for the travel buffer between different campuses, on either side', () => {
		expect(collides(slot(1, 1, '08:30', '09:20'), slot(2, 2, '09:40', '10:30'), 30)).toBe(true);
		expect(collides(slot(1, 1, '08:30', '09:20'), slot(2, 2, '09:50', '10:40'), 30)).toBe(false);
		expect(collides(slot(2, 2, '07:30', '08:10'), slot(1, 1, '08:30', '09:20'), 30)).toBe(true);
	});

	it('counts a real overlap for classes, without travel', () => {
		expect(overlaps(slot(1, 1, '08:30', '09:20'), slot(2, 2, '09:20', '10:00'))).toBe(false);
		expect(overlaps(slot(1, 1, '08:30', '09:20'), slot(2, 2, '09:10', '10:00'))).toBe(true);
	});

	it('refuses a fifth workshop on one local day and ignores the slot itself', () => {
		const day = [slot(1, 1, '08:00', '08:50'), slot(2, 1, '09:00', '09:50'), slot(3, 1, '10:00', '10:50'), slot(4, 1, '11:00', '11:50')];
		expect(trainerConflict(slot(5, 1, '13:00', '13:50'), day, rules)).toEqual({ kind: 'daily_max', max: 4 });
		expect(trainerConflict(slot(4, 1, '11:00', '11:50'), day, rules)).toBeNull();
		expect(trainerConflict(slot(5, 1, '13:00', '13:50', '2027-05-13'), day, rules)).toBeNull();
	});

	it('names the slot a trainer would clash with', () => {
		expect(trainerConflict(slot(9, 2, '09:00', '09:30'), [slot(3, 1, '08:30', '09:20')], rules)).toEqual({ kind: 'overlap', slotId: 3 });
	});
});

describe('bulk slot times', () => {
	it('counts "four slots of 50 minutes from 08:30 with 10 minutes between" on the local clock', () => {
		expect(bulkTimes({ firstStart: '08:30', count: 4, durationMinutes: 50, gapMinutes: 10 })).toEqual([
			{ startTime: '08:30', endTime: '09:20' },
			{ startTime: '09:30', endTime: '10:20' },
			{ startTime: '10:30', endTime: '11:20' },
			{ startTime: '11:30', endTime: '12:20' }
		]);
	});

	it('refuses a series that runs past midnight', () => {
		expect(bulkTimes({ firstStart: '22:00', count: 3, durationMinutes: 50, gapMinutes: 10 })).toBeNull();
	});
});
