import { addDays, brusselsToday } from './enrolment-db';
import { read } from './read-db';

/**
 * A weekday at least a week ahead inside the edition's workshop period that is
 * not blocked and has no slot at all yet, so that every class and trainer is
 * free that day, whatever the demo data or earlier tests planned.
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
		if (weekday !== 0 && weekday !== 6 && !taken.has(day)) return day;
	}
	throw new Error('No free weekday left in the workshop period');
}
