import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { fromDbTime } from '../../../src/lib/server/db/time';
import { collides, overlaps, type TimedSlot } from '../../../src/lib/server/workshops/slots/slot-rules';
import { brusselsDateOf, brusselsTimeOf } from '../../../src/lib/time/brussels';
import { parseSchoolHours, slotHoursBreach } from '../../../src/lib/calendar/school-hours';

/**
 * Every rule of issue 5 (and issue 17's school hours) checked over all of an edition's workshops at once, from
 * the rows themselves: for data written in bulk (the scale data set), which no
 * service checked. Returns what is wrong, in words; empty when nothing is.
 */
export async function workshopRuleViolations(db: Kysely<Database>, editionId: number): Promise<string[]> {
	const rows = await load(db, editionId);
	return [...slotProblems(rows), ...peopleProblems(rows)];
}

type Rows = Awaited<ReturnType<typeof load>>;

async function load(db: Kysely<Database>, editionId: number) {
	const edition = await db.selectFrom('editions').selectAll().where('id', '=', editionId).executeTakeFirstOrThrow();
	const slots = await db.selectFrom('workshopSlots').selectAll().where('editionId', '=', editionId).execute();
	const bookings = await db
		.selectFrom('slotTrainers')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.select(['slotTrainers.slotId', 'slotTrainers.trainerId', 'users.organisationId'])
		.where('workshopSlots.editionId', '=', editionId)
		.where('slotTrainers.active', '=', 1)
		.execute();
	const links = await db
		.selectFrom('slotClasses')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.select(['slotClasses.slotId', 'slotClasses.classId', 'classes.campusId', 'classes.editionId', 'classes.status', 'classes.pupilCount'])
		.where('workshopSlots.editionId', '=', editionId)
		.execute();
	const blocked = new Set((await db.selectFrom('blockedDays').select('localDate').where('editionId', '=', editionId).execute()).map((r) => r.localDate));
	return { edition, slots, bookings, links, blocked, byId: new Map(slots.map((s) => [s.id, s])) };
}

/** Each slot on its own: its day, its trainers, its classes, its report. */
function slotProblems({ edition, slots, bookings, links, blocked }: Rows): string[] {
	const bookingsOf = groups(bookings, (b) => b.slotId);
	const classesOf = groups(links, (l) => l.slotId);
	const wrong: string[] = [];
	for (const s of slots) {
		const weekday = new Date(`${s.localDate}T12:00:00Z`).getUTCDay();
		if (s.localDate !== brusselsDateOf(fromDbTime(s.startsAt)) || s.endsAt <= s.startsAt) wrong.push(`slot ${s.id}: times`);
		if (s.localDate < edition.workshopStartsOn || s.localDate > edition.workshopEndsOn || weekday === 0 || weekday === 6 || blocked.has(s.localDate))
			wrong.push(`slot ${s.id}: day ${s.localDate}`);
		const [start, end] = [brusselsTimeOf(fromDbTime(s.startsAt)), brusselsTimeOf(fromDbTime(s.endsAt))];
		if (!s.hoursExceptionReason && slotHoursBreach(parseSchoolHours(edition.schoolHours), s.localDate, start, end))
			wrong.push(`slot ${s.id}: ${s.localDate} ${start}–${end} outside the school hours`);
		const booked = bookingsOf.get(s.id) ?? [];
		if (booked.length !== s.trainersBooked || booked.length > s.trainersNeeded) wrong.push(`slot ${s.id}: ${booked.length} trainers for ${s.trainersNeeded}`);
		if (booked.some((b) => s.organisationId !== null && b.organisationId !== s.organisationId)) wrong.push(`slot ${s.id}: a trainer of another organisation`);
		const classes = classesOf.get(s.id) ?? [];
		if (classes.some((c) => c.campusId !== s.campusId || c.editionId !== s.editionId || c.status !== 'enrolled'))
			wrong.push(`slot ${s.id}: a class from elsewhere`);
		if (s.maxPupils !== null && classes.reduce((n, c) => n + c.pupilCount, 0) > s.maxPupils) wrong.push(`slot ${s.id}: over its pupil maximum`);
		if (s.outcome !== null && (booked.length === 0 || fromDbTime(s.startsAt) > fromDbTime(s.reportedAt!))) wrong.push(`slot ${s.id}: report`);
	}
	return wrong;
}

/** Across slots, on scheduled ones only: a trainer's overlaps (with the travel buffer) and daily maximum, a class's overlaps. */
function peopleProblems({ edition, bookings, links, byId }: Rows): string[] {
	const scheduled = (list: { slotId: number }[]) => list.map((x) => byId.get(x.slotId)!).filter((s) => s.status === 'scheduled');
	const wrong: string[] = [];
	for (const [trainerId, mine] of groups(bookings, (b) => b.trainerId)) {
		const given = scheduled(mine);
		for (const [day, onDay] of groups(given, (s) => s.localDate))
			if (onDay.length > edition.maxWorkshopsPerTrainerDay) wrong.push(`trainer ${trainerId}: ${onDay.length} on ${day}`);
		for (const [a, b] of pairs(given)) if (collides(a, b, edition.travelBufferMinutes)) wrong.push(`trainer ${trainerId}: slots ${a.id} and ${b.id} collide`);
	}
	for (const [classId, theirs] of groups(links, (l) => l.classId))
		for (const [a, b] of pairs(scheduled(theirs))) if (overlaps(a, b)) wrong.push(`class ${classId}: slots ${a.id} and ${b.id} overlap`);
	return wrong;
}

function groups<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const r of rows) {
		const list = out.get(key(r));
		if (list) list.push(r);
		else out.set(key(r), [r]);
	}
	return out;
}

/** Pairs of slots within a day of each other: a buffer never reaches further. */
function pairs<T extends TimedSlot>(slots: T[]): [T, T][] {
	const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	const out: [T, T][] = [];
	for (let i = 0; i < sorted.length; i++) {
		for (let j = i + 1; j < sorted.length && fromDbTime(sorted[j].startsAt).getTime() - fromDbTime(sorted[i].endsAt).getTime() < 86_400_000; j++)
			out.push([sorted[i], sorted[j]]);
	}
	return out;
}
