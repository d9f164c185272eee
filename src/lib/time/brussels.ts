import { TZDate } from '@date-fns/tz';

/**
 * The one place that converts between UTC instants and Europe/Brussels local time
 * (DESIGN §5.4). Client-safe: pages format with the same rules.
 */
export const brusselsZone = 'Europe/Brussels';

/** The UTC instant of a Brussels wall-clock time on a calendar day ("2027-03-28", "02:30"). */
export function brusselsToUtc(localDate: string, time = '00:00'): Date {
	const [y, mo, d] = localDate.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	return new Date(new TZDate(y, mo - 1, d, h, mi, 0, 0, brusselsZone).getTime());
}

/** The Brussels calendar date ("YYYY-MM-DD") of an instant. */
export function brusselsDateOf(instant: Date): string {
	const z = new TZDate(instant.getTime(), brusselsZone);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** The Brussels wall-clock time ("HH:MM") of an instant. */
export function brusselsTimeOf(instant: Date): string {
	const z = new TZDate(instant.getTime(), brusselsZone);
	return `${String(z.getHours()).padStart(2, '0')}:${String(z.getMinutes()).padStart(2, '0')}`;
}

/**
 * Adds whole years to a "YYYY-MM-DD" date, keeping the day of the month;
 * 29 February becomes 28 February in a year without it.
 */
export function addYears(localDate: string, n: number): string {
	const [y, mo, d] = localDate.split('-').map(Number);
	const year = y + n;
	const lastDay = new Date(Date.UTC(year, mo, 0)).getUTCDate();
	return `${String(year).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Adds whole calendar days to a "YYYY-MM-DD" date (no time zone involved). */
export function addDays(localDate: string, n: number): string {
	const [y, mo, d] = localDate.split('-').map(Number);
	return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = locale + JSON.stringify(options);
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { timeZone: brusselsZone, ...options })));
	return f;
}

/** "17 mei 2027" / "17 May 2027" for a calendar date; with the weekday, "maandag 17 mei 2027". */
export function formatDate(localDate: string, locale: string, opts: { weekday?: boolean } = {}): string {
	const weekday = opts.weekday ? ({ weekday: 'long' } as const) : {};
	return formatter(locale, { ...weekday, day: 'numeric', month: 'long', year: 'numeric' }).format(brusselsToUtc(localDate, '12:00'));
}

/**
 * "12 mrt." / "12 Mar" for a calendar date in a table cell, where a column must stay narrow;
 * the year is added only when it differs from `currentYear` ("12 mrt. 2026").
 */
export function formatShortDate(localDate: string, locale: string, currentYear?: number): string {
	const year = currentYear !== undefined && Number(localDate.slice(0, 4)) !== currentYear ? ({ year: 'numeric' } as const) : {};
	return formatter(locale, { day: 'numeric', month: 'short', ...year }).format(brusselsToUtc(localDate, '12:00'));
}

/** "17 mei 2027 om 14:30"-style date and time of an instant, in Brussels time. */
export function formatDateTime(instant: Date, locale: string): string {
	return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);
}
