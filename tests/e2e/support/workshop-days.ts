import { addDays, brusselsToday } from './enrolment-db';
import { read } from './read-db';

/**
 * A weekday at least a week ahead inside the edition's workshop period that is
 * not blocked and has no slot at all yet, so that every class and trainer is
 * free that day, whatever the demo data or earlier tests planned. Not a
 * Wednesday: its afternoon is outside the default school hours.
 */
export function freeWeekday(editionId: number, from: string, to: string): string {
	const taken = read((db) => {
		const blocked = db.prepare('select local_date as d from blocked_days where edition_id = ?').all(editionId) as { d: string }[];
		const busy = db.prepare('select distinct local_date as d from workshop_slots where edition_id = ?').all(editionId) as { d: string }[];
		return new Set([...blocked, ...busy].map((r) => r.d));
	});
	const start = addDays(brusselsToday(), 7);
	for (let day = start > from ? start : from; day <= to; day = addDays(day, 1)) {
		const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 3 && weekday !== 6 && !taken.has(day)) return day;
	}
	throw new Error('No free weekday left in the workshop period');
}

/**
 * The first day from `from` on that a teacher may prefer, mornings and
 * afternoons alike: Monday, Tuesday, Thursday or Friday, not blocked.
 */
export function fullSchoolDayFrom(editionId: number, from: string): string {
	const blocked = read(
		(db) => new Set((db.prepare('select local_date as d from blocked_days where edition_id = ?').all(editionId) as { d: string }[]).map((r) => r.d))
	);
	for (let day = from; ; day = addDays(day, 1)) if (![0, 3, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) && !blocked.has(day)) return day;
}
