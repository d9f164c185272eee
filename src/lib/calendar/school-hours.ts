/**
 * An edition's school hours: per weekday the wall-clock window (Brussels) in
 * which workshops can be held, or none. Pure and client-safe: the services check
 * slots and preferred half-days with it, the edition form shows and parses it.
 *
 * Stored in one column as seven "HH:MM-HH:MM" entries, Monday first, separated
 * by commas; an empty entry is a day without workshops. The default is the
 * Flemish school week: Monday to Friday 08:30–16:00, Wednesday until 12:00.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface DayHours {
	from: string;
	until: string;
}

export type SchoolHours = Record<Weekday, DayHours | null>;

/** Where a morning ends and an afternoon begins, for a teacher's preferred half-day. */
export const noon = '12:00';

export const defaultSchoolHoursText = '08:30-16:00,08:30-16:00,08:30-12:00,08:30-16:00,08:30-16:00,,';

const entryPattern = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** The stored text as hours; an entry that is not a valid window counts as a day without workshops. */
export function parseSchoolHours(text: string): SchoolHours {
	const entries = text.split(',');
	return Object.fromEntries(
		weekdays.map((day, i) => {
			const entry = (entries[i] ?? '').trim();
			if (!entryPattern.test(entry)) return [day, null];
			const [from, until] = entry.split('-');
			return [day, from < until ? { from, until } : null];
		})
	) as SchoolHours;
}

export const formatSchoolHours = (hours: SchoolHours): string => weekdays.map((d) => (hours[d] ? `${hours[d].from}-${hours[d].until}` : '')).join(',');

export const defaultSchoolHours: SchoolHours = parseSchoolHours(defaultSchoolHoursText);

/** The weekday of a calendar date ("YYYY-MM-DD"); no time zone is involved. */
export function weekdayOf(localDate: string): Weekday {
	const sundayFirst = new Date(`${localDate}T12:00:00Z`).getUTCDay();
	return weekdays[(sundayFirst + 6) % 7];
}

/** Why a time does not fit the hours: the weekday has none, or it lies outside that day's window. */
export type HoursBreach = { kind: 'closed'; weekday: Weekday } | { kind: 'outside'; weekday: Weekday; from: string; until: string };

/** Whether a slot from `startTime` to `endTime` ("HH:MM") on `localDate` lies within the hours; null when it does. */
export function slotHoursBreach(hours: SchoolHours, localDate: string, startTime: string, endTime: string): HoursBreach | null {
	const weekday = weekdayOf(localDate);
	const day = hours[weekday];
	if (!day) return { kind: 'closed', weekday };
	if (startTime < day.from || endTime > day.until) return { kind: 'outside', weekday, ...day };
	return null;
}

/**
 * Whether a workshop can be held in a half-day: a morning needs hours before
 * noon, an afternoon hours after noon. Null when it can.
 */
export function halfDayHoursBreach(hours: SchoolHours, localDate: string, part: 'am' | 'pm'): HoursBreach | null {
	const weekday = weekdayOf(localDate);
	const day = hours[weekday];
	if (!day) return { kind: 'closed', weekday };
	const fits = part === 'am' ? day.from < noon : day.until > noon;
	return fits ? null : { kind: 'outside', weekday, ...day };
}
