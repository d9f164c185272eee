import { addDays } from './brussels';

/**
 * Belgium's ten legal public holidays (feestdagen), as calendar dates. Pure and
 * client-safe: the blocked-days page names a holiday from its date, so the names
 * come out in the reader's language rather than the one it was stored in.
 */
export const belgianHolidayKeys = [
	'new_year',
	'easter_monday',
	'labour_day',
	'ascension',
	'whit_monday',
	'national_day',
	'assumption',
	'all_saints',
	'armistice',
	'christmas'
] as const;

export type BelgianHolidayKey = (typeof belgianHolidayKeys)[number];

export interface BelgianHoliday {
	/** YYYY-MM-DD */
	date: string;
	key: BelgianHolidayKey;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Easter Sunday of a Gregorian year, by the anonymous (Meeus/Jones/Butcher)
 * computus: valid for every year from 1583 on.
 */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The public holidays of one year, in date order. */
export function belgianHolidays(year: number): BelgianHoliday[] {
	const easter = easterSunday(year);
	const fixed = (month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
	const days: BelgianHoliday[] = [
		{ date: fixed(1, 1), key: 'new_year' },
		{ date: addDays(easter, 1), key: 'easter_monday' },
		{ date: fixed(5, 1), key: 'labour_day' },
		{ date: addDays(easter, 39), key: 'ascension' },
		{ date: addDays(easter, 50), key: 'whit_monday' },
		{ date: fixed(7, 21), key: 'national_day' },
		{ date: fixed(8, 15), key: 'assumption' },
		{ date: fixed(11, 1), key: 'all_saints' },
		{ date: fixed(11, 11), key: 'armistice' },
		{ date: fixed(12, 25), key: 'christmas' }
	];
	// Ascension can fall on 1 May (e.g. 2008): both are kept, the order stays by date.
	return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The public holidays from `from` to `to`, both included (YYYY-MM-DD); empty when to < from. */
export function belgianHolidaysBetween(from: string, to: string): BelgianHoliday[] {
	if (to < from) return [];
	const result: BelgianHoliday[] = [];
	for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
		for (const h of belgianHolidays(year)) if (h.date >= from && h.date <= to) result.push(h);
	}
	return result;
}

/** The public holiday on a date, or null. */
export function belgianHolidayOn(date: string): BelgianHoliday | null {
	return belgianHolidays(Number(date.slice(0, 4))).find((h) => h.date === date) ?? null;
}
