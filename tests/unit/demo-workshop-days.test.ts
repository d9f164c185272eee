import { describe, expect, it } from 'vitest';
import { nextIdahotYear } from '../../db/seeds/idahot';
import {
	archivedDays,
	futureSlotDays,
	futureWindow,
	isFullSchoolDay,
	isWeekday,
	pastDays,
	slotDays as fullDays,
	studyDay
} from '../../db/seeds/demo-workshop-days';
import { belgianHolidaysBetween } from '../../src/lib/time/belgian-holidays';
import { addDays, brusselsToUtc } from '../../src/lib/time/brussels';

/** The upcoming edition as the demo seed makes it on `today`: workshops from three weeks ago to 7 June. */
function editionOn(today: string) {
	const year = nextIdahotYear(brusselsToUtc(today, '12:00'));
	const period = { from: addDays(today, -21), to: `${year}-06-07` };
	const blocked = new Set(belgianHolidaysBetween(period.from, period.to).map((h) => h.date));
	return { year, period, blocked };
}

describe('demo workshop days', () => {
	it('finds room for the open and booked workshops and the study day, whatever day the demo is loaded', () => {
		for (let today = '2026-01-01'; today <= '2028-12-31'; today = addDays(today, 1)) {
			const { year, period, blocked } = editionOn(today);
			const window = futureWindow(today, year, period.to, blocked);
			const day = studyDay(window);
			const slotDays = fullDays(window.filter((d) => d !== day));
			expect(slotDays.length, today).toBeGreaterThanOrEqual(futureSlotDays);
			expect(day, today).not.toBeNull();
			// Ten days ahead at least, so a trainer can still book and cancel; never on a weekend or holiday,
			// and the workshops (some in the afternoon) never on a Wednesday.
			expect(window[0] >= addDays(today, 10) && window.at(-1)! <= period.to, today).toBe(true);
			expect(slotDays.every(isFullSchoolDay), today).toBe(true);
			expect(
				window.every((d) => isWeekday(d) && !blocked.has(d)),
				today
			).toBe(true);
		}
	});

	it('puts the given workshops on the last two school days before today, inside the period', () => {
		for (let today = '2026-01-01'; today <= '2028-12-31'; today = addDays(today, 1)) {
			const { period, blocked } = editionOn(today);
			const past = pastDays(today, period.from, blocked);
			expect(past, today).toHaveLength(2);
			expect(past[0] > past[1] && past[0] < today && past[1] >= period.from, today).toBe(true);
			expect(
				past.every((d) => isFullSchoolDay(d) && !blocked.has(d)),
				today
			).toBe(true);
		}
	});

	it('avoids the Christmas and summer holidays when the period has term days to offer', () => {
		expect(pastDays('2027-01-12', '2026-11-05', new Set(['2027-01-01']))).toEqual(['2027-01-11', '2027-01-08']);
		expect(pastDays('2027-01-05', '2026-11-05', new Set(['2027-01-01']))).toEqual(['2026-12-18', '2026-12-17']);
		// Nothing but holidays in the period so far: its last weekdays then (Wednesday 18 August skipped).
		expect(pastDays('2027-08-20', '2027-07-30', new Set())).toEqual(['2027-08-19', '2027-08-17']);
	});

	it('gives the archived edition four school days in May', () => {
		for (let year = 2025; year <= 2035; year++) {
			const blocked = new Set(belgianHolidaysBetween(`${year}-04-22`, `${year}-06-07`).map((h) => h.date));
			expect(archivedDays(year, blocked).length, String(year)).toBeGreaterThanOrEqual(4);
		}
	});
});
