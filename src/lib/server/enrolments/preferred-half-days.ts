import type { Db } from '../db';
import { halfDayHoursBreach, parseSchoolHours } from '../../calendar/school-hours';
import { ValidationError } from '../errors';
import { blockedDayName } from '../workshops/slots/blocked-day-name';
import { listBlockedDaysOn } from '../workshops/slots/blocked-days.repository';

interface PreferredHalfDay {
	localDate: string;
	part: 'am' | 'pm';
	/** The form field the day came from (pref1Date …), where a refusal is shown. */
	field: string;
}

/**
 * A teacher's preferred half-days against the rules the planning will apply:
 * not on a blocked day (named, e.g. "O.L.H.-Hemelvaart"), and within the
 * edition's school hours (no Saturday, no Wednesday afternoon by default).
 * Refused now, with the reason, rather than discovered while planning.
 */
export async function checkPreferredHalfDays(db: Db, edition: { id: number; schoolHours: string }, days: PreferredHalfDay[], locale: string): Promise<void> {
	const blocked = await listBlockedDaysOn(
		db,
		edition.id,
		days.map((d) => d.localDate)
	);
	const hours = parseSchoolHours(edition.schoolHours);
	for (const day of days) {
		const block = blocked.get(day.localDate);
		if (block) throw new ValidationError('hours_error_pref_blocked', day.field, { day: day.localDate, name: blockedDayName(block, locale) });
		const breach = halfDayHoursBreach(hours, day.localDate, day.part);
		if (breach?.kind === 'closed') throw new ValidationError('hours_error_pref_closed', day.field, { day: day.localDate });
		if (breach)
			throw new ValidationError(day.part === 'am' ? 'hours_error_pref_am' : 'hours_error_pref_pm', day.field.replace(/Date$/, 'Part'), {
				day: day.localDate,
				from: breach.from,
				until: breach.until
			});
	}
}
