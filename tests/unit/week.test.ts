import { describe, expect, it } from 'vitest';
import { clampDate, isCalendarDate, isoWeekday, mondayOf, shortDayLabel, shownDays, weekDays, weekParam } from '../../src/lib/time/week';

describe('week helpers', () => {
	it('find the Monday of any day of the week, Sunday included', () => {
		// 17 May 2027 is a Monday.
		expect(mondayOf('2027-05-17')).toBe('2027-05-17');
		expect(mondayOf('2027-05-19')).toBe('2027-05-17');
		expect(mondayOf('2027-05-23')).toBe('2027-05-17');
		expect(mondayOf('2027-05-24')).toBe('2027-05-24');
	});

	it('cross month and year ends, and the week of a leap day', () => {
		expect(mondayOf('2027-01-01')).toBe('2026-12-28');
		expect(mondayOf('2028-03-01')).toBe('2028-02-28');
		expect(weekDays('2028-02-28')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03', '2028-03-04', '2028-03-05']);
	});

	it('keep the days of a week with a clock change whole (no day lost or doubled)', () => {
		// The clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027.
		expect(weekDays(mondayOf('2027-03-28'))).toEqual(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28']);
		expect(weekDays('2027-11-01')[0]).toBe('2027-11-01');
		expect(mondayOf('2027-10-31')).toBe('2027-10-25');
	});

	it('number weekdays Monday 1 to Sunday 7', () => {
		expect(weekDays('2027-05-17').map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('show the weekend only when something falls on it', () => {
		const monday = '2027-05-17';
		expect(shownDays(monday, () => false)).toEqual(['2027-05-17', '2027-05-18', '2027-05-19', '2027-05-20', '2027-05-21']);
		expect(shownDays(monday, (d) => d === '2027-05-22')).toEqual(['2027-05-17', '2027-05-18', '2027-05-19', '2027-05-20', '2027-05-21', '2027-05-22']);
	});

	it('read ?week= as its Monday and fall back for nonsense', () => {
		expect(weekParam('2027-05-20', '2027-01-01')).toBe('2027-05-17');
		expect(weekParam('2027-02-30', '2027-05-20')).toBe('2027-05-17');
		expect(weekParam('next week', '2027-05-20')).toBe('2027-05-17');
		expect(weekParam(null, '2027-05-20')).toBe('2027-05-17');
	});

	it('recognise real calendar dates only', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
		expect(isCalendarDate('2027-5-1')).toBe(false);
	});

	it('clamp a day into a period', () => {
		expect(clampDate('2027-01-01', '2027-04-20', '2027-06-07')).toBe('2027-04-20');
		expect(clampDate('2027-05-01', '2027-04-20', '2027-06-07')).toBe('2027-05-01');
		expect(clampDate('2027-07-01', '2027-04-20', '2027-06-07')).toBe('2027-06-07');
	});

	it('label a day briefly in Dutch and English', () => {
		expect(shortDayLabel('2027-05-12', 'nl')).toBe('wo 12 mei');
		expect(shortDayLabel('2027-05-12', 'en')).toBe('Wed 12 May');
	});
});
