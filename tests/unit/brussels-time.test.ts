import { describe, expect, it } from 'vitest';
import { fromDbTime, toDbTime } from '../../src/lib/server/db/time';
import { addDays, brusselsDateOf, brusselsToUtc, formatDate, formatDateTime, formatShortDate } from '../../src/lib/time/brussels';

describe('Europe/Brussels conversions', () => {
	it('use UTC+1 in winter and UTC+2 in summer', () => {
		expect(brusselsToUtc('2027-01-15', '08:30').toISOString()).toBe('2027-01-15T07:30:00.000Z');
		expect(brusselsToUtc('2027-05-17', '08:30').toISOString()).toBe('2027-05-17T06:30:00.000Z');
	});

	it('are right on both sides of the change to summer time (28 March 2027)', () => {
		expect(brusselsToUtc('2027-03-27', '10:00').toISOString()).toBe('2027-03-27T09:00:00.000Z');
		expect(brusselsToUtc('2027-03-28', '10:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
		// 50 minutes from 01:30 local, across the jump from 02:00 to 03:00, is 03:20 local.
		const start = brusselsToUtc('2027-03-28', '01:30');
		expect(formatDateTime(new Date(start.getTime() + 50 * 60_000), 'nl')).toContain('03:20');
	});

	it('are right on both sides of the change to winter time (31 October 2027)', () => {
		expect(brusselsToUtc('2027-10-30', '10:00').toISOString()).toBe('2027-10-30T08:00:00.000Z');
		expect(brusselsToUtc('2027-10-31', '10:00').toISOString()).toBe('2027-10-31T09:00:00.000Z');
	});

	it('give the local calendar day of an instant near midnight', () => {
		expect(brusselsDateOf(new Date('2027-05-16T22:30:00Z'))).toBe('2027-05-17');
		expect(brusselsDateOf(new Date('2027-01-15T22:59:59Z'))).toBe('2027-01-15');
		expect(brusselsDateOf(new Date('2027-01-15T23:00:00Z'))).toBe('2027-01-16');
	});

	it('add calendar days across month ends, leap days and DST', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
		expect(addDays('2027-01-05', -10)).toBe('2026-12-26');
	});

	it('format dates in Flemish and English', () => {
		expect(formatDate('2027-05-17', 'nl')).toBe('17 mei 2027');
		expect(formatDate('2027-05-17', 'en')).toBe('17 May 2027');
	});
});

describe('database time format', () => {
	it('writes UTC as "YYYY-MM-DD HH:MM:SS.mmm" and reads it back to the same instant', () => {
		const d = new Date('2027-05-17T06:30:00.045Z');
		expect(toDbTime(d)).toBe('2027-05-17 06:30:00.045');
		expect(fromDbTime(toDbTime(d)).getTime()).toBe(d.getTime());
		expect(fromDbTime('2027-05-17 06:30:00').toISOString()).toBe('2027-05-17T06:30:00.000Z');
	});

	it('sorts as text in time order', () => {
		const a = toDbTime(new Date('2027-01-01T23:00:00Z'));
		const b = toDbTime(new Date('2027-01-02T06:30:00Z'));
		expect(a < b).toBe(true);
	});

	it('refuses an invalid date instead of writing garbage', () => {
		expect(() => toDbTime(new Date('not a date'))).toThrow();
	});
});

describe('short dates for table cells', () => {
	it('give day and short month, the year only when it is not the current one', () => {
		expect(formatShortDate('2027-03-12', 'nl', 2027)).toMatch(/^12 mrt\.?$/);
		expect(formatShortDate('2027-03-12', 'en', 2027)).toBe('12 Mar');
		expect(formatShortDate('2026-11-20', 'nl', 2027)).toMatch(/^20 nov\.? 2026$/);
		expect(formatShortDate('2026-11-20', 'en')).toBe('20 Nov');
	});
});
