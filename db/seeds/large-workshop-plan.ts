import type { InstructionLanguage, NotGivenReason } from '../../src/lib/server/db/schema';
import { days, hours, toDbTime } from '../../src/lib/server/db/time';
import { trainerConflict, type TimedSlot } from '../../src/lib/server/workshops/slots/slot-rules';
import { defaultSchoolHours, slotHoursBreach, type SchoolHours } from '../../src/lib/calendar/school-hours';
import { brusselsToUtc } from '../../src/lib/time/brussels';
import type { Rng } from './large-data';

/**
 * The Flanders edition's workshops, planned in memory (large-workshops.ts writes
 * them): campus days of one to four consecutive 50-minute slots, each for one or
 * two enrolled classes of that campus, then trainers put on them in time order
 * with the edition's own rule (`trainerConflict`), so no booking breaks what
 * bookSlot would refuse. Pure and deterministic: the same plan on every database.
 */
export interface PlanClass {
	id: number;
	pupilCount: number;
	language: InstructionLanguage;
}

export interface PlanTrainer {
	id: number;
	organisationId: number | null;
}

export interface Booking {
	trainerId: number;
	bookedAt: Date;
	/** A booking the trainer cancelled before the deadline: history only. */
	cancelledAt?: Date;
	reason?: string;
}

export type PlannedReport =
	{ outcome: 'given'; pupilsPresent: number; durationMinutes: number; at: Date } | { outcome: 'not_given'; notGivenReason: NotGivenReason; at: Date };

export interface PlannedSlot extends TimedSlot {
	start: Date;
	end: Date;
	plannedAt: Date;
	classes: PlanClass[];
	trainersNeeded: 1 | 2;
	maxPupils: number | null;
	organisationId: number | null;
	room: string | null;
	trainerNote: string | null;
	bookings: Booking[];
	cancelled: { at: Date; reason: string } | null;
	report: PlannedReport | null;
}

export interface Rules {
	travelBufferMinutes: number;
	maxWorkshopsPerTrainerDay: number;
}

const slotMinutes = 50;
const stepMinutes = 60;
const rooms = ['Turnzaal', 'Refter', 'Polyvalente zaal', 'Bibliotheek', 'Aula'];
const notes = ['Parkeren op de speelplaats kan vóór 8 uur.', 'Melden aan het onthaal, de klas komt je halen.', 'Beamer aanwezig, laptop zelf meebrengen.'];
const cancelReasons = ['School gesloten: verwarming defect.', 'Klassen op uitstap, verplaatst.', 'Pedagogische studiedag ingelast.'];
const goneReasons = ['Ziek.', 'Andere afspraak die niet verzet kan worden.', 'Te ver van mijn andere workshop.'];

const clockPlus = (time: string, minutes: number) => {
	const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

function newSlot(
	rng: Rng,
	id: number,
	campusId: number,
	localDate: string,
	startTime: string,
	classes: PlanClass[],
	organisationIds: number[],
	now: Date
): PlannedSlot {
	const start = brusselsToUtc(localDate, startTime);
	const end = brusselsToUtc(localDate, clockPlus(startTime, slotMinutes));
	const pupils = classes.reduce((s, c) => s + c.pupilCount, 0);
	const offer = rng.next();
	return {
		id,
		campusId,
		localDate,
		startsAt: toDbTime(start),
		endsAt: toDbTime(end),
		start,
		end,
		// Like the demo: planned two weeks before it starts, or just now.
		plannedAt: new Date(Math.min(now.getTime() - hours(1), start.getTime() - days(14))),
		classes,
		trainersNeeded: rng.next() < 0.15 ? 2 : 1,
		maxPupils: rng.next() < 0.5 ? null : pupils <= 30 ? 30 : 60,
		organisationId: offer < 0.6 ? null : (organisationIds[Math.floor((offer - 0.6) / (0.4 / organisationIds.length))] ?? null),
		room: rng.next() < 0.2 ? null : rng.next() < 0.6 ? `Lokaal ${rng.int(1, 40)}` : rng.pick(rooms),
		trainerNote: rng.next() < 0.1 ? rng.pick(notes) : null,
		bookings: [],
		cancelled: null,
		report: null
	};
}

/**
 * About `target` slots on the given school days, within the school hours: a campus with enrolled classes
 * left gets a day of one to four back-to-back slots, every class in at most one
 * slot (so no class is ever in two at once).
 */
export function planSlots(
	rng: Rng,
	schoolDays: string[],
	classesByCampus: Map<number, PlanClass[]>,
	target: number,
	organisationIds: number[],
	now: Date,
	hours: SchoolHours = defaultSchoolHours
): PlannedSlot[] {
	const open = [...classesByCampus].filter(([, list]) => list.length > 0).map(([campusId, list]) => ({ campusId, left: [...list] }));
	const usedDays = new Set<string>();
	const slots: PlannedSlot[] = [];
	while (slots.length < target && open.length > 0 && schoolDays.length > 0) {
		const at = Math.floor(rng.next() * open.length);
		const campus = open[at];
		const localDate = rng.pick(schoolDays);
		if (usedDays.has(`${campus.campusId}|${localDate}`)) continue;
		usedDays.add(`${campus.campusId}|${localDate}`);
		const count = Math.min(
			rng.weighted([
				[1, 2],
				[2, 4],
				[3, 3],
				[4, 1]
			] as const),
			target - slots.length,
			campus.left.length
		);
		// Only starts whose whole series fits the day's school hours (no Wednesday afternoons by default).
		const starts = (count >= 3 ? ['08:30', '08:45'] : ['08:30', '08:45', '10:15', '13:00', '13:30']).filter(
			(start) => !slotHoursBreach(hours, localDate, start, clockPlus(start, (count - 1) * stepMinutes + slotMinutes))
		);
		if (!starts.length) continue;
		const first = rng.pick(starts);
		for (let i = 0; i < count; i++) {
			const take = campus.left.length - (count - i - 1) >= 2 && rng.next() < 0.3 ? 2 : 1;
			const classes = campus.left.splice(0, take);
			slots.push(newSlot(rng, slots.length + 1, campus.campusId, localDate, clockPlus(first, i * stepMinutes), classes, organisationIds, now));
		}
		if (campus.left.length === 0) open.splice(at, 1);
	}
	return slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.campusId - b.campusId || a.id - b.id);
}

/** Who gives what on which day, as bookSlot would see it. */
class TrainerDays {
	private days = new Map<number, Map<string, TimedSlot[]>>();
	constructor(private rules: Rules) {}

	// Slots run from 08:30 to 17:20, so a travel buffer never reaches into another day: the day itself is enough.
	canTake(trainerId: number, slot: PlannedSlot): boolean {
		return trainerConflict(slot, this.days.get(trainerId)?.get(slot.localDate) ?? [], this.rules) === null;
	}

	add(trainerId: number, slot: PlannedSlot): void {
		const mine = this.days.get(trainerId) ?? new Map<string, TimedSlot[]>();
		this.days.set(trainerId, mine);
		mine.set(slot.localDate, [...(mine.get(slot.localDate) ?? []), slot]);
	}
}

const offeredTo = (slot: PlannedSlot, t: PlanTrainer) => slot.organisationId === null || slot.organisationId === t.organisationId;

/** The next trainer from a random point of the list who may and can take the slot, or null. */
function findTrainer(rng: Rng, trainers: PlanTrainer[], slot: PlannedSlot, state: TrainerDays, taken: Set<number>): PlanTrainer | null {
	const from = Math.floor(rng.next() * trainers.length);
	for (let i = 0; i < trainers.length; i++) {
		const t = trainers[(from + i) % trainers.length];
		if (!taken.has(t.id) && offeredTo(slot, t) && state.canTake(t.id, slot)) return t;
	}
	return null;
}

/**
 * Books trainers in time order: most past slots and about two thirds of the
 * coming ones, some two-trainer slots only half. A trainer who gives the previous
 * slot at the same campus keeps the next one when the rules allow (a trainer's
 * morning at one school), otherwise someone else is found.
 */
export function bookTrainers(rng: Rng, slots: PlannedSlot[], trainers: PlanTrainer[], rules: Rules, now: Date): void {
	const state = new TrainerDays(rules);
	const previous = new Map<string, number[]>();
	const order = [...slots].sort((a, b) => a.localDate.localeCompare(b.localDate) || a.campusId - b.campusId || a.startsAt.localeCompare(b.startsAt));
	for (const slot of order) {
		const key = `${slot.campusId}|${slot.localDate}`;
		if (rng.next() >= (slot.start <= now ? 0.95 : 0.65)) continue;
		const wanted = slot.trainersNeeded === 2 && rng.next() < 0.2 ? 1 : slot.trainersNeeded;
		const taken = new Set<number>();
		const stay = (previous.get(key) ?? []).map((id) => trainers.find((t) => t.id === id)!).filter((t) => offeredTo(slot, t) && state.canTake(t.id, slot));
		while (taken.size < wanted) {
			const t = stay.find((s) => !taken.has(s.id)) ?? findTrainer(rng, trainers, slot, state, taken);
			if (!t) break;
			taken.add(t.id);
			state.add(t.id, slot);
			const latest = Math.min(now.getTime(), slot.start.getTime() - hours(1));
			slot.bookings.push({ trainerId: t.id, bookedAt: new Date(slot.plannedAt.getTime() + rng.next() * Math.max(0, latest - slot.plannedAt.getTime())) });
		}
		previous.set(key, [...taken]);
	}
}

/**
 * What happened since: a few bookings cancelled by a trainer before the deadline
 * (someone else took over), a few coming slots cancelled by the coordinator, and
 * most past workshops reported, nearly all as given.
 */
export function settle(rng: Rng, slots: PlannedSlot[], trainers: PlanTrainer[], now: Date, deadlineDays: number): void {
	for (const slot of slots) {
		const deadline = Math.min(now.getTime(), slot.start.getTime() - days(deadlineDays));
		if (slot.bookings.length > 0 && deadline > slot.plannedAt.getTime() && rng.next() < 0.03) {
			const gone = trainers[Math.floor(rng.next() * trainers.length)];
			if (offeredTo(slot, gone) && !slot.bookings.some((b) => b.trainerId === gone.id)) {
				const bookedAt = new Date(slot.plannedAt.getTime() + (deadline - slot.plannedAt.getTime()) / 4);
				slot.bookings.push({
					trainerId: gone.id,
					bookedAt,
					cancelledAt: new Date(bookedAt.getTime() + (deadline - bookedAt.getTime()) / 2),
					reason: rng.pick(goneReasons)
				});
			}
		}
		if (slot.start > now && rng.next() < 0.015) {
			slot.cancelled = { at: new Date(Math.max(slot.plannedAt.getTime(), now.getTime() - rng.next() * days(3))), reason: rng.pick(cancelReasons) };
		}
		if (slot.end <= now && slot.bookings.some((b) => !b.cancelledAt)) slot.report = reportOf(rng, slot, now);
	}
}

function reportOf(rng: Rng, slot: PlannedSlot, now: Date): PlannedReport | null {
	const r = rng.next();
	const at = new Date(Math.min(now.getTime(), slot.end.getTime() + hours(2) + rng.next() * days(2)));
	if (r < 0.85)
		return {
			outcome: 'given',
			pupilsPresent: Math.max(1, slot.classes.reduce((s, c) => s + c.pupilCount, 0) - rng.int(0, 3)),
			durationMinutes: slotMinutes,
			at
		};
	if (r < 0.89) return { outcome: 'not_given', notGivenReason: rng.pick(['cancelled_by_school', 'trainer_ill', 'class_absent', 'other'] as const), at };
	return null;
}
