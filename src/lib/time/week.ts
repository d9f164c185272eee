import { addDays } from './brussels';

/**
 * Calendar weeks for the week views (coordinator and trainer): plain
 * "YYYY-MM-DD" dates, Monday first, no time zone involved. Client-safe.
 */
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a real calendar date ("2027-02-30" is not). */
export function isCalendarDate(text: string): boolean {
	if (!datePattern.test(text)) return false;
	const [y, m, d] = text.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 1 for Monday … 7 for Sunday (ISO). */
export function isoWeekday(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week a date falls in. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** The seven days of the week that starts on `monday`. */
export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/**
 * The days a week view shows: Monday to Friday always, Saturday and Sunday only
 * when something falls on them (schools rarely open then; an empty weekend
 * column would only take room on a phone).
 */
export function shownDays(monday: string, busy: (date: string) => boolean): string[] {
	return weekDays(monday).filter((date) => isoWeekday(date) <= 5 || busy(date));
}

/**
 * The week to show for a `?week=` value: its Monday, or, for a missing or
 * malformed value, the Monday of `fallback`.
 */
export function weekParam(value: string | null | undefined, fallback: string): string {
	return mondayOf(value && isCalendarDate(value) ? value : fallback);
}

/** A date clamped into [from, to]. */
export const clampDate = (date: string, from: string, to: string): string => (date < from ? from : date > to ? to : date);

/** "ma 12 mei" / "Mon 12 May": a day in a week column or in a list of preferred half-days. */
export function shortDayLabel(date: string, locale: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d, 12))
	);
}

/** One card in a week view: a slot as the page wants it shown. */
export interface WeekItem {
	href: string;
	/** "08:30–09:20", Brussels time. */
	time: string;
	title: string;
	lines: string[];
	status?: { text: string; tone?: 'ok' | 'warn' | 'off' } | null;
}

/** A day column of a week view, its items in time order. */
export interface WeekColumn {
	date: string;
	items: WeekItem[];
}
