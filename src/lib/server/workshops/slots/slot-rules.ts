import { fromDbTime, minutes, type DbTime } from '../../db/time';

/**
 * The scheduling rules of issue 5, as pure functions over rows that the caller
 * read *after* taking the locks (DESIGN §5.7): trainers by id, then classes by
 * id, then the slot. Under those locks a read-then-check is safe, because no
 * other transaction can add a booking for the same trainer or class meanwhile.
 */
export interface TimedSlot {
	id: number;
	campusId: number;
	localDate: string;
	startsAt: DbTime;
	endsAt: DbTime;
}

/**
 * Whether two slots collide. Between different campuses the trainer needs the
 * travel buffer on either side; at the same campus back-to-back is fine.
 */
export function collides(a: TimedSlot, b: TimedSlot, travelBufferMinutes: number): boolean {
	const buffer = a.campusId === b.campusId ? 0 : minutes(travelBufferMinutes);
	const aStart = fromDbTime(a.startsAt).getTime();
	const aEnd = fromDbTime(a.endsAt).getTime();
	const bStart = fromDbTime(b.startsAt).getTime();
	const bEnd = fromDbTime(b.endsAt).getTime();
	return aStart < bEnd + buffer && bStart < aEnd + buffer;
}

/** A plain overlap, for classes (a class does not travel). */
export const overlaps = (a: TimedSlot, b: TimedSlot) => collides({ ...a, campusId: 0 }, { ...b, campusId: 0 }, 0);

export type TrainerConflict = { kind: 'overlap'; slotId: number } | { kind: 'daily_max'; max: number } | null;

/**
 * Why a trainer cannot take `slot` next to the slots they already give (the
 * slot itself excluded), or null when they can.
 */
export function trainerConflict(
	slot: TimedSlot,
	booked: TimedSlot[],
	rules: { travelBufferMinutes: number; maxWorkshopsPerTrainerDay: number }
): TrainerConflict {
	const others = booked.filter((b) => b.id !== slot.id);
	const clash = others.find((b) => collides(slot, b, rules.travelBufferMinutes));
	if (clash) return { kind: 'overlap', slotId: clash.id };
	const sameDay = others.filter((b) => b.localDate === slot.localDate).length;
	if (sameDay >= rules.maxWorkshopsPerTrainerDay) return { kind: 'daily_max', max: rules.maxWorkshopsPerTrainerDay };
	return null;
}

/** The first of a class's other slots that overlaps `slot`, if any. */
export const classClash = (slot: TimedSlot, classSlots: TimedSlot[]) => classSlots.find((s) => s.id !== slot.id && overlaps(slot, s)) ?? null;
