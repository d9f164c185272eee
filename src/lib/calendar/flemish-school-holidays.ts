import { addDays } from '../time/brussels';
import { easterSunday } from '../time/belgian-holidays';

/**
 * The school holidays of the Flemish Community (Dutch-language compulsory
 * education), computed from the rules the Flemish Government fixed once and for
 * all, so that every school year's holidays follow from the calendar:
 *
 * - Besluit van de Vlaamse Regering van 31 augustus 2001 houdende de organisatie
 *   van het schooljaar in het secundair onderwijs, art. 7, 1° to 5°;
 * - the same periods for nursery and primary school in the Besluit van de Vlaamse
 *   Regering van 17 april 1991 betreffende de organisatie van het schooljaar in het
 *   basisonderwijs (https://data-onderwijs.vlaanderen.be/edulex/document.aspx?docid=12362).
 *
 * The 2022 reform with a two-week autumn and spring holiday and a school year from
 * the last Monday of August is the French Community's, not Flanders': Flanders
 * kept its calendar (the Flemish minister declined to follow:
 * https://www.standaard.be/cnt/dmf20220829_93294549,
 * https://www.nieuwsblad.be/cnt/dmf20220829_92134284), and the published Flemish
 * calendars up to 2025-2026 still follow the rules below (see the unit test).
 * Should Flanders change them, this module is where.
 *
 * Pure and client-safe: the blocked-days page names a school-holiday day from its
 * date, in the reader's language.
 */
export const flemishSchoolHolidayKeys = ['autumn', 'christmas', 'spring', 'easter', 'summer'] as const;

export type FlemishSchoolHolidayKey = (typeof flemishSchoolHolidayKeys)[number];

export interface SchoolHolidayPeriod {
	key: FlemishSchoolHolidayKey;
	/** First day, YYYY-MM-DD. */
	start: string;
	/** Last day (included), YYYY-MM-DD: the Sunday that ends the holiday, or 31 August. */
	end: string;
}

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD date. */
function weekday(date: string): number {
	return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The Monday of the (Monday to Sunday) week a date falls in. */
function mondayOfWeek(date: string): string {
	return addDays(date, -((weekday(date) + 6) % 7));
}

/** The first Monday on or after a date. */
function mondayOnOrAfter(date: string): string {
	return addDays(date, (8 - weekday(date)) % 7);
}

const weeks = (start: string, n: number) => addDays(start, 7 * n - 1);

/**
 * The five holiday periods of the school year that starts on 1 September of
 * `schoolYearStart` (2025 for 2025-2026), in date order.
 */
export function flemishSchoolHolidays(schoolYearStart: number): SchoolHolidayPeriod[] {
	const y = String(schoolYearStart).padStart(4, '0');
	const next = String(schoolYearStart + 1).padStart(4, '0');

	// Art. 7, 1°: the autumn holiday starts on the Monday of the week in which
	// 1 November falls and lasts one week; when 1 November is a Sunday it starts
	// on 2 November.
	const allSaints = `${y}-11-01`;
	const autumn = weekday(allSaints) === 0 ? `${y}-11-02` : mondayOfWeek(allSaints);

	// Art. 7, 2°: the Christmas holiday starts on the Monday of the week in which
	// 25 December falls and lasts two weeks; when 25 December is a Saturday or a
	// Sunday it starts on the Monday after 25 December.
	const christmasDay = `${y}-12-25`;
	const christmas = weekday(christmasDay) === 0 || weekday(christmasDay) === 6 ? mondayOnOrAfter(christmasDay) : mondayOfWeek(christmasDay);

	const easter = easterSunday(schoolYearStart + 1);

	// Art. 7, 3°: the spring holiday (krokusvakantie) starts on the 7th Monday
	// before Easter and lasts one week. The 1st Monday before Easter is six days
	// before it, so the 7th is 6 + 6 × 7 = 48 days before.
	const spring = addDays(easter, -48);

	// Art. 7, 4°: the Easter holiday starts on the first Monday of April and lasts
	// two weeks. When Easter falls in March, it starts on the Monday after Easter.
	// When Easter falls after 15 April, it starts on the second Monday before
	// Easter, so that it ends on Easter Sunday; Easter Monday then adds one day off,
	// which is a public holiday and blocked as one (some schools print the holiday
	// up to Easter Monday: 7 to 21 April 2025; others list that day apart).
	let easterStart: string;
	if (easter < `${next}-04-01`) easterStart = addDays(easter, 1);
	else if (easter > `${next}-04-15`) easterStart = addDays(easter, -13);
	else easterStart = mondayOnOrAfter(`${next}-04-01`);

	return [
		{ key: 'autumn', start: autumn, end: weeks(autumn, 1) },
		{ key: 'christmas', start: christmas, end: weeks(christmas, 2) },
		{ key: 'spring', start: spring, end: weeks(spring, 1) },
		{ key: 'easter', start: easterStart, end: weeks(easterStart, 2) },
		// Art. 7, 5°: the summer holiday starts on 1 July and ends on 31 August.
		{ key: 'summer', start: `${next}-07-01`, end: `${next}-08-31` }
	];
}

/** The school year (its starting calendar year) a date belongs to: from 1 September on. */
const schoolYearOf = (date: string) => Number(date.slice(0, 4)) - (date.slice(5) < '09-01' ? 1 : 0);

export interface SchoolHolidayDay {
	/** YYYY-MM-DD */
	date: string;
	key: FlemishSchoolHolidayKey;
}

/** Every day (weekends included) of a school holiday from `from` to `to`, both included; empty when to < from. */
export function flemishSchoolHolidaysBetween(from: string, to: string): SchoolHolidayDay[] {
	const days: SchoolHolidayDay[] = [];
	if (to < from) return days;
	for (let year = schoolYearOf(from); year <= schoolYearOf(to); year++) {
		for (const p of flemishSchoolHolidays(year)) {
			for (let d = p.start < from ? from : p.start; d <= p.end && d <= to; d = addDays(d, 1)) days.push({ date: d, key: p.key });
		}
	}
	return days;
}

/** The school holiday a date falls in, or null. */
export function flemishSchoolHolidayOn(date: string): FlemishSchoolHolidayKey | null {
	return flemishSchoolHolidays(schoolYearOf(date)).find((p) => p.start <= date && date <= p.end)?.key ?? null;
}
