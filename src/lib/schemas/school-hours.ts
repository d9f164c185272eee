import { z } from 'zod';
import { formatSchoolHours, parseSchoolHours, weekdays, type SchoolHours, type Weekday } from '../calendar/school-hours';
import * as m from '../paraglide/messages';

/**
 * The school hours in the edition form: per weekday a "from" and an "until"
 * time (hoursMonFrom, hoursMonUntil, …); both empty is a day without workshops.
 * A form that posts none of them at all (an older form, a script) keeps the
 * default week. Client-safe.
 */
export type HoursField = `hours${Capitalize<Weekday>}${'From' | 'Until'}`;
const capital = (day: Weekday) => `${day[0].toUpperCase()}${day.slice(1)}` as Capitalize<Weekday>;
export const fromField = (day: Weekday): HoursField => `hours${capital(day)}From`;
export const untilField = (day: Weekday): HoursField => `hours${capital(day)}Until`;
export const hoursFieldNames: HoursField[] = weekdays.flatMap((day) => [fromField(day), untilField(day)]);

/** "9:00", "09.00" and a browser's "09:00:00" as "09:00"; empty stays empty; undefined: not posted. */
const optionalTime = () =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			if (s === undefined) return undefined;
			const text = s.trim();
			if (text === '') return '';
			const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)(:[0-5]\d)?$/.exec(text);
			if (!match) {
				ctx.addIssue({ code: 'custom', message: m.hours_v_time() });
				return '';
			}
			return `${match[1].padStart(2, '0')}:${match[2]}`;
		});

export const schoolHoursFields = Object.fromEntries(hoursFieldNames.map((name) => [name, optionalTime()])) as Record<
	HoursField,
	ReturnType<typeof optionalTime>
>;

type Posted = Partial<Record<HoursField, string | undefined>>;

/** The week as typed, or null when the form did not post it (then the caller keeps the default). */
export function postedSchoolHours(v: Posted): SchoolHours | null {
	if (weekdays.every((day) => v[fromField(day)] === undefined && v[untilField(day)] === undefined)) return null;
	return Object.fromEntries(
		weekdays.map((day) => {
			const [from, until] = [v[fromField(day)] ?? '', v[untilField(day)] ?? ''];
			return [day, from && until && from < until ? { from, until } : null];
		})
	) as SchoolHours;
}

/** Both times or neither, "until" after "from", and at least one day on which workshops can be held. */
export function checkSchoolHours(v: Posted, ctx: z.RefinementCtx): void {
	if (!postedSchoolHours(v)) return;
	let open = 0;
	for (const day of weekdays) {
		const [from, until] = [v[fromField(day)] ?? '', v[untilField(day)] ?? ''];
		if (from && !until) ctx.addIssue({ code: 'custom', path: [untilField(day)], message: m.hours_v_both() });
		else if (!from && until) ctx.addIssue({ code: 'custom', path: [fromField(day)], message: m.hours_v_both() });
		else if (from && until && until <= from) ctx.addIssue({ code: 'custom', path: [untilField(day)], message: m.hours_v_order() });
		else if (from) open++;
	}
	if (open === 0) ctx.addIssue({ code: 'custom', path: [fromField('mon')], message: m.hours_v_none() });
}

/** The stored text of the posted week, or null when the form did not post it. */
export const schoolHoursText = (v: Posted): string | null => {
	const hours = postedSchoolHours(v);
	return hours ? formatSchoolHours(hours) : null;
};

/** The stored hours as the form's values (strings). */
export function schoolHoursValues(text: string): Record<string, string> {
	const hours = parseSchoolHours(text);
	return Object.fromEntries(
		weekdays.flatMap((day) => [
			[fromField(day), hours[day]?.from ?? ''],
			[untilField(day), hours[day]?.until ?? '']
		])
	);
}
