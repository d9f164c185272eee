import { describe, expect, it } from 'vitest';
import { belgianHolidayOn, belgianHolidays, belgianHolidaysBetween, easterSunday } from '../../src/lib/time/belgian-holidays';

describe('Belgian public holidays', () => {
	it('find Easter Sunday by the Gregorian computus', () => {
		const known: Record<number, string> = {
			2000: '2000-04-23',
			2008: '2008-03-23',
			2019: '2019-04-21',
			2024: '2024-03-31',
			2025: '2025-04-20',
			2026: '2026-04-05',
			2027: '2027-03-28',
			2028: '2028-04-16',
			2038: '2038-04-25',
			2285: '2285-03-22'
		};
		for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), `Easter ${year}`).toBe(date);
	});

	it('list the ten legal holidays of a year in date order, Easter-based ones computed', () => {
		expect(belgianHolidays(2027)).toEqual([
			{ date: '2027-01-01', key: 'new_year' },
			{ date: '2027-03-29', key: 'easter_monday' },
			{ date: '2027-05-01', key: 'labour_day' },
			{ date: '2027-05-06', key: 'ascension' },
			// IDAHOT (17 May) is a day off in 2027: no workshops on the campaign day itself.
			{ date: '2027-05-17', key: 'whit_monday' },
			{ date: '2027-07-21', key: 'national_day' },
			{ date: '2027-08-15', key: 'assumption' },
			{ date: '2027-11-01', key: 'all_saints' },
			{ date: '2027-11-11', key: 'armistice' },
			{ date: '2027-12-25', key: 'christmas' }
		]);
	});

	it('put Ascension and Whit Monday 39 and 50 days after Easter, across month ends', () => {
		const of = (year: number, key: string) => belgianHolidays(year).find((h) => h.key === key)?.date;
		expect([of(2024, 'easter_monday'), of(2024, 'ascension'), of(2024, 'whit_monday')]).toEqual(['2024-04-01', '2024-05-09', '2024-05-20']);
		expect([of(2025, 'easter_monday'), of(2025, 'ascension'), of(2025, 'whit_monday')]).toEqual(['2025-04-21', '2025-05-29', '2025-06-09']);
		expect([of(2026, 'ascension'), of(2026, 'whit_monday')]).toEqual(['2026-05-14', '2026-05-25']);
		expect([of(2028, 'easter_monday'), of(2028, 'ascension'), of(2028, 'whit_monday')]).toEqual(['2028-04-17', '2028-05-25', '2028-06-05']);
	});

	it('keep both holidays when Ascension falls on Labour Day (2008)', () => {
		expect(
			belgianHolidays(2008)
				.filter((h) => h.date === '2008-05-01')
				.map((h) => h.key)
		).toEqual(['labour_day', 'ascension']);
	});

	it('give the holidays inside a period, both ends included, also across New Year', () => {
		expect(belgianHolidaysBetween('2027-04-20', '2027-06-07').map((h) => h.date)).toEqual(['2027-05-01', '2027-05-06', '2027-05-17']);
		expect(belgianHolidaysBetween('2027-05-01', '2027-05-17').map((h) => h.key)).toEqual(['labour_day', 'ascension', 'whit_monday']);
		expect(belgianHolidaysBetween('2027-12-20', '2028-01-05').map((h) => h.date)).toEqual(['2027-12-25', '2028-01-01']);
		expect(belgianHolidaysBetween('2027-05-02', '2027-05-05')).toEqual([]);
		expect(belgianHolidaysBetween('2027-06-07', '2027-04-20')).toEqual([]);
	});

	it('name the holiday on a date, and nothing on an ordinary day', () => {
		expect(belgianHolidayOn('2026-05-25')).toEqual({ date: '2026-05-25', key: 'whit_monday' });
		expect(belgianHolidayOn('2026-07-21')?.key).toBe('national_day');
		expect(belgianHolidayOn('2026-05-26')).toBeNull();
	});
});
