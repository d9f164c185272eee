import { addDays } from '../../src/lib/time/brussels';

/**
 * Which days the demo workshops fall on, as pure functions of the day the seed
 * runs, so the demo reads true whenever it is loaded. Workshops cluster around
 * 17 May, like PAARS itself: the open and booked ones from 3 May (or ten days
 * from now, so a trainer can still book and cancel them) to the end of the
 * workshop period; the given ones on the last school days before today.
 */
export const futureSlotDays = 5;
const pastSlotDays = 2;

/** Monday to Friday. */
export const isWeekday = (localDate: string) => {
	const day = new Date(`${localDate}T12:00:00Z`).getUTCDay();
	return day >= 1 && day <= 5;
};

/**
 * A weekday with an afternoon: the demo plans afternoon workshops on any of its
 * days, and Wednesday afternoons are outside the default school hours.
 */
export const isFullSchoolDay = (localDate: string) => isWeekday(localDate) && new Date(`${localDate}T12:00:00Z`).getUTCDay() !== 3;

/** Summer and the Christmas holidays: a given workshop there would read false. */
const inLongBreak = (localDate: string) => {
	const monthDay = localDate.slice(5);
	return (monthDay >= '07-01' && monthDay <= '08-31') || monthDay >= '12-21' || monthDay <= '01-06';
};

/** The weekdays (or other `days`) from `from` to `to` (both included) that are not blocked, in date order. */
export function schoolDays(from: string, to: string, blocked: Set<string>, days = isWeekday): string[] {
	const found: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) if (days(d) && !blocked.has(d)) found.push(d);
	return found;
}

/**
 * The days that may hold open or booked workshops (or the study day): ten days
 * from today at the earliest, and not before 3 May. The workshops themselves
 * take only its full school days (slotDays).
 */
export function futureWindow(todayLocal: string, idahotYear: number, workshopEndsOn: string, blocked: Set<string>): string[] {
	const tenDays = addDays(todayLocal, 10);
	const may = `${idahotYear}-05-03`;
	return schoolDays(tenDays > may ? tenDays : may, workshopEndsOn, blocked);
}

/** The days of a window that can take the demo's workshops, mornings and afternoons. */
export const slotDays = (window: string[]) => window.filter(isFullSchoolDay);

/**
 * The study day of the upcoming edition: the third possible workshop day, so it
 * sits among the demo workshops in a week view. None when the window is so
 * short that the workshops need every day of it.
 */
export function studyDay(window: string[]): string | null {
	return slotDays(window).length >= futureSlotDays + (isFullSchoolDay(window[2]) ? 1 : 0) ? window[2] : null;
}

/**
 * The last school days before today inside the period, most recent first: where
 * the upcoming edition's already given workshops go. Summer and Christmas are
 * avoided when the period has other days to offer.
 */
export function pastDays(todayLocal: string, workshopStartsOn: string, blocked: Set<string>): string[] {
	const from = addDays(todayLocal, -20) > workshopStartsOn ? addDays(todayLocal, -20) : workshopStartsOn;
	const all = schoolDays(from, addDays(todayLocal, -1), blocked, isFullSchoolDay).reverse();
	const inTerm = all.filter((d) => !inLongBreak(d));
	return (inTerm.length >= pastSlotDays ? inTerm : all).slice(0, pastSlotDays);
}

/** The archived edition's workshops: school days of May of that year. */
export const archivedDays = (year: number, blocked: Set<string>) => schoolDays(`${year}-05-03`, `${year}-05-31`, blocked, isFullSchoolDay);
