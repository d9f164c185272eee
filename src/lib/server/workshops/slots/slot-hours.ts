import { parseSchoolHours, slotHoursBreach } from '../../../calendar/school-hours';
import { ValidationError } from '../../errors';

/**
 * A slot against its edition's school hours. Within them, no exception is kept
 * (a ticked box that was not needed is not an exception). Outside them, the
 * coordinator's reason makes it an exception; without one it is refused, saying
 * which day and which window. Returns the reason to store, or null.
 */
export function hoursException(
	edition: { schoolHours: string },
	localDate: string,
	times: { startTime: string; endTime: string }[],
	reason: string | null | undefined,
	/** The time field the message belongs to ("startTime", or "firstStart" for a series); a day without hours goes to the date. */
	timeField: string
): string | null {
	const hours = parseSchoolHours(edition.schoolHours);
	const breach = times.map((t) => slotHoursBreach(hours, localDate, t.startTime, t.endTime)).find((b) => b !== null);
	if (!breach) return null;
	const why = reason?.trim();
	if (why) return why;
	if (breach.kind === 'closed') throw new ValidationError('hours_error_slot_closed', 'localDate', { day: localDate });
	throw new ValidationError('hours_error_slot_outside', timeField, { day: localDate, from: breach.from, until: breach.until });
}
