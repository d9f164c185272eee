import { describe, expect, it } from 'vitest';
import {
	defaultSchoolHours,
	defaultSchoolHoursText,
	formatSchoolHours,
	halfDayHoursBreach,
	parseSchoolHours,
	slotHoursBreach,
	weekdayOf
} from '../../src/lib/calendar/school-hours';

// 2027-05-10 is a Monday; 12 May a Wednesday, 15 May a Saturday, 16 May a Sunday.
describe('school hours', () => {
	it('is the Flemish school week by default: weekdays 08:30–16:00, Wednesday until noon, no weekend', () => {
		expect(defaultSchoolHours).toEqual({
			mon: { from: '08:30', until: '16:00' },
			tue: { from: '08:30', until: '16:00' },
			wed: { from: '08:30', until: '12:00' },
			thu: { from: '08:30', until: '16:00' },
			fri: { from: '08:30', until: '16:00' },
			sat: null,
			sun: null
		});
		expect(formatSchoolHours(defaultSchoolHours)).toBe(defaultSchoolHoursText);
	});

	it('reads a broken entry as a day without workshops rather than a day without limits', () => {
		expect(parseSchoolHours('08:30-16:00,9-12,16:00-08:30').tue).toBeNull();
		expect(parseSchoolHours('08:30-16:00,9-12,16:00-08:30').wed).toBeNull();
		expect(parseSchoolHours('').mon).toBeNull();
	});

	it('knows the weekday of a date in any year, including across a DST change', () => {
		expect(['2027-05-10', '2027-05-12', '2027-05-15', '2027-05-16', '2027-03-28', '2026-10-25'].map(weekdayOf)).toEqual([
			'mon',
			'wed',
			'sat',
			'sun',
			'sun',
			'sun'
		]);
	});

	it('accepts a slot that starts and ends within the day, edges included', () => {
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-10', '08:30', '09:20')).toBeNull();
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-10', '15:10', '16:00')).toBeNull();
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-12', '11:10', '12:00')).toBeNull();
	});

	it('says which window a slot breaks, and that the weekend has none', () => {
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-12', '13:15', '14:05')).toEqual({ kind: 'outside', weekday: 'wed', from: '08:30', until: '12:00' });
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-10', '08:00', '08:50')).toEqual({ kind: 'outside', weekday: 'mon', from: '08:30', until: '16:00' });
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-10', '15:30', '16:20')?.kind).toBe('outside');
		expect(slotHoursBreach(defaultSchoolHours, '2027-05-15', '10:00', '11:00')).toEqual({ kind: 'closed', weekday: 'sat' });
	});

	it('takes a morning where there are hours before noon and an afternoon where there are hours after', () => {
		expect(halfDayHoursBreach(defaultSchoolHours, '2027-05-12', 'am')).toBeNull();
		expect(halfDayHoursBreach(defaultSchoolHours, '2027-05-12', 'pm')).toEqual({ kind: 'outside', weekday: 'wed', from: '08:30', until: '12:00' });
		expect(halfDayHoursBreach(defaultSchoolHours, '2027-05-10', 'pm')).toBeNull();
		expect(halfDayHoursBreach(defaultSchoolHours, '2027-05-16', 'am')).toEqual({ kind: 'closed', weekday: 'sun' });
		const afternoonsOnly = parseSchoolHours('13:00-16:00,,,,,,');
		expect([halfDayHoursBreach(afternoonsOnly, '2027-05-10', 'am')?.kind, halfDayHoursBreach(afternoonsOnly, '2027-05-10', 'pm')]).toEqual(['outside', null]);
	});
});
