import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb, toDbTime } from '../../../src/lib/server/db/time';
import { insertSlot } from '../../../src/lib/server/workshops/slots/slot.repository';
import { addDays, brusselsToUtc } from '../../../src/lib/time/brussels';

/**
 * Slots and bookings written straight into the tables, for the bookable-slot
 * tests: times that slot creation may refuse (late evening, across midnight)
 * and bookings that collide with each other are what the list's rule must
 * still judge like the booking service's `trainerConflict`.
 */
export interface RawSlot {
	editionId: number;
	campusId: number;
	localDate: string;
	/** Brussels "HH:MM". */
	start: string;
	/** Brussels "HH:MM"; earlier than start means the next day. */
	end: string;
	organisationId?: number | null;
	trainersNeeded?: number;
	status?: 'scheduled' | 'cancelled';
}

export async function insertRawSlot(db: Kysely<Database>, createdBy: number, s: RawSlot): Promise<number> {
	const now = nowDb();
	const endDay = s.end <= s.start ? addDays(s.localDate, 1) : s.localDate;
	return insertSlot(db, {
		editionId: s.editionId,
		campusId: s.campusId,
		localDate: s.localDate,
		startsAt: toDbTime(brusselsToUtc(s.localDate, s.start)),
		endsAt: toDbTime(brusselsToUtc(endDay, s.end)),
		room: null,
		language: 'nl',
		trainersNeeded: s.trainersNeeded ?? 1,
		maxPupils: null,
		organisationId: s.organisationId ?? null,
		trainerNote: null,
		status: s.status ?? 'scheduled',
		cancelledAt: null,
		cancelReason: null,
		outcome: null,
		pupilsPresent: null,
		durationMinutes: null,
		reportNote: null,
		notGivenReason: null,
		reportedAt: null,
		reportedBy: null,
		createdBy,
		createdAt: now,
		updatedAt: now
	});
}

/** A booking as the service leaves it (the slot's counter raised), or a cancelled one (history only). */
export async function insertRawBooking(db: Kysely<Database>, slotId: number, trainerId: number, opts: { cancelled?: boolean } = {}): Promise<void> {
	const now = nowDb();
	await db
		.insertInto('slotTrainers')
		.values({
			slotId,
			trainerId,
			active: opts.cancelled ? null : 1,
			bookedAt: now,
			bookedBy: trainerId,
			cancelledAt: opts.cancelled ? now : null,
			cancelledBy: opts.cancelled ? trainerId : null,
			cancelReason: opts.cancelled ? 'Ziek' : null
		})
		.execute();
	if (!opts.cancelled)
		await db
			.updateTable('workshopSlots')
			.set((eb) => ({ trainersBooked: eb('trainersBooked', '+', 1) }))
			.where('id', '=', slotId)
			.execute();
}

/** The edition's workshop rules, set for a test. */
export const setRules = (db: Kysely<Database>, editionId: number, rules: { travelBufferMinutes?: number; maxWorkshopsPerTrainerDay?: number }) =>
	db.updateTable('editions').set(rules).where('id', '=', editionId).execute();

export const setCity = (db: Kysely<Database>, campusId: number, city: string) => db.updateTable('campuses').set({ city }).where('id', '=', campusId).execute();
