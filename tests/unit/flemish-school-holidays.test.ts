import { describe, expect, it } from 'vitest';
import { flemishSchoolHolidayOn, flemishSchoolHolidays, flemishSchoolHolidaysBetween } from '../../src/lib/calendar/flemish-school-holidays';
import { easterSunday } from '../../src/lib/time/belgian-holidays';

/**
 * The computed Flemish school holidays against calendars as schools published them
 * (first day to last day, both included):
 *
 * - 2018-2019, 2020-2021 and 2021-2022: https://www.sint-donaas.be/vakantiedagen/
 *   (Easter 2019 and 2022 after 15 April: two weeks up to Easter Sunday, "Paasmaandag"
 *   listed apart; 1 November 2020 a Sunday; 25 December 2021 a Saturday). The same
 *   2018-2019 on https://www.schoolbeitem.be/praktisch/verlofkalender, which prints the
 *   Easter holiday up to Easter Monday, a public holiday blocked as such.
 * - 2022-2023 and 2023-2024: https://www.ptsmechelen.be/over-onze-school/vakanties-en-vrije-dagen.html
 *   (25 December 2022 a Sunday; Easter 2024 on 31 March, in March)
 * - 2024-2025: https://kunstacademieturnhout.turnhout.be/nl/content/3697/vakantiedagen.html
 *   (Easter on 20 April, after 15 April; printed up to Easter Monday 21 April)
 * - 2025-2026: https://www.akademiemeise.be/product/1465/vakantiedagen
 *   (the same dates on https://www.staproeselare.be/info/vakanties-en-vrije-dagen)
 * - 2007-2008 and 2009-2010: http://www.2747.com/2747/law/administration/schoolholidays/2001/vlaanderen7.html
 *   (Easter 2008 on 23 March; 1 November 2009 a Sunday)
 *
 * The rules: art. 7 of the Besluit van de Vlaamse Regering van 31 augustus 2001,
 * quoted on that last page and on https://www.schoolbeitem.be/praktisch/verlofkalender.
 */
const published: Record<number, Record<string, [string, string]>> = {
	2018: {
		autumn: ['2018-10-29', '2018-11-04'],
		christmas: ['2018-12-24', '2019-01-06'],
		spring: ['2019-03-04', '2019-03-10'],
		easter: ['2019-04-08', '2019-04-21']
	},
	2020: {
		autumn: ['2020-11-02', '2020-11-08'],
		christmas: ['2020-12-21', '2021-01-03'],
		spring: ['2021-02-15', '2021-02-21'],
		easter: ['2021-04-05', '2021-04-18']
	},
	2021: {
		autumn: ['2021-11-01', '2021-11-07'],
		christmas: ['2021-12-27', '2022-01-09'],
		spring: ['2022-02-28', '2022-03-06'],
		easter: ['2022-04-04', '2022-04-17']
	},
	2022: {
		autumn: ['2022-10-31', '2022-11-06'],
		christmas: ['2022-12-26', '2023-01-08'],
		spring: ['2023-02-20', '2023-02-26'],
		easter: ['2023-04-03', '2023-04-16'],
		summer: ['2023-07-01', '2023-08-31']
	},
	2023: {
		autumn: ['2023-10-30', '2023-11-05'],
		christmas: ['2023-12-25', '2024-01-07'],
		spring: ['2024-02-12', '2024-02-18'],
		easter: ['2024-04-01', '2024-04-14'],
		summer: ['2024-07-01', '2024-08-31']
	},
	2024: {
		autumn: ['2024-10-28', '2024-11-03'],
		christmas: ['2024-12-23', '2025-01-05'],
		spring: ['2025-03-03', '2025-03-09'],
		easter: ['2025-04-07', '2025-04-20']
	},
	2025: {
		autumn: ['2025-10-27', '2025-11-02'],
		christmas: ['2025-12-22', '2026-01-04'],
		spring: ['2026-02-16', '2026-02-22'],
		easter: ['2026-04-06', '2026-04-19'],
		summer: ['2026-07-01', '2026-08-31']
	},
	2007: { easter: ['2008-03-24', '2008-04-06'] },
	2009: { autumn: ['2009-11-02', '2009-11-08'] }
};

describe('Flemish school holidays', () => {
	for (const [year, periods] of Object.entries(published)) {
		it(`match the published calendar of ${year}-${Number(year) + 1}`, () => {
			const computed = Object.fromEntries(flemishSchoolHolidays(Number(year)).map((p) => [p.key, [p.start, p.end]]));
			for (const [key, range] of Object.entries(periods)) expect([key, computed[key]]).toEqual([key, range]);
		});
	}

	it('list the five periods in date order, the summer holiday from 1 July to 31 August', () => {
		expect(flemishSchoolHolidays(2026)).toEqual([
			{ key: 'autumn', start: '2026-11-02', end: '2026-11-08' },
			{ key: 'christmas', start: '2026-12-21', end: '2027-01-03' },
			{ key: 'spring', start: '2027-02-08', end: '2027-02-14' },
			{ key: 'easter', start: '2027-03-29', end: '2027-04-11' },
			{ key: 'summer', start: '2027-07-01', end: '2027-08-31' }
		]);
	});

	it('find Easter Sunday by the Gregorian computus, as the published Easter Mondays show', () => {
		// Easter Mondays on https://www.sint-donaas.be/vakantiedagen/: 22/4/2019, 13/4/2020, 5/4/2021, 18/4/2022.
		expect([2019, 2020, 2021, 2022].map(easterSunday)).toEqual(['2019-04-21', '2020-04-12', '2021-04-04', '2022-04-17']);
		// The Easter holidays above: after Easter in March 2008 and 2024, up to Easter Monday in 2025.
		expect([2008, 2024, 2025, 2026].map(easterSunday)).toEqual(['2008-03-23', '2024-03-31', '2025-04-20', '2026-04-05']);
	});

	it('give every day of the periods within a range, weekends included, across school years', () => {
		const days = flemishSchoolHolidaysBetween('2025-06-28', '2025-11-01');
		expect(days[0]).toEqual({ date: '2025-07-01', key: 'summer' });
		expect(days.filter((d) => d.key === 'summer')).toHaveLength(62);
		expect(days.filter((d) => d.key === 'autumn').map((d) => d.date)).toEqual([
			'2025-10-27',
			'2025-10-28',
			'2025-10-29',
			'2025-10-30',
			'2025-10-31',
			'2025-11-01'
		]);
		expect(flemishSchoolHolidaysBetween('2026-04-10', '2026-04-25').map((d) => d.date)).toEqual([
			'2026-04-10',
			'2026-04-11',
			'2026-04-12',
			'2026-04-13',
			'2026-04-14',
			'2026-04-15',
			'2026-04-16',
			'2026-04-17',
			'2026-04-18',
			'2026-04-19'
		]);
		expect(flemishSchoolHolidaysBetween('2026-05-01', '2026-04-01')).toEqual([]);
	});

	it('name the holiday a date falls in', () => {
		expect(flemishSchoolHolidayOn('2025-04-20')).toBe('easter');
		expect(flemishSchoolHolidayOn('2025-04-21')).toBeNull(); // Easter Monday: a public holiday
		expect(flemishSchoolHolidayOn('2026-01-04')).toBe('christmas');
		expect(flemishSchoolHolidayOn('2026-08-31')).toBe('summer');
		expect(flemishSchoolHolidayOn('2026-09-01')).toBeNull();
	});
});
