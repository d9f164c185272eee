import type { Generated } from 'kysely';
import type { DbTime } from '../time';
import type { InstructionLanguage } from '../../../domain';

/** Workshop slots, their trainers and classes, blocked days and calendar feeds (issue 5). */
export type BlockedDayKind = 'public_holiday' | 'school_holiday' | 'study_day' | 'exam' | 'other';

export interface BlockedDaysTable {
	editionId: number;
	localDate: string;
	kind: BlockedDayKind;
	label: string | null;
}

export type SlotStatus = 'scheduled' | 'cancelled';
export type SlotOutcome = 'given' | 'not_given';
export type NotGivenReason = 'cancelled_by_school' | 'trainer_ill' | 'class_absent' | 'other';

export interface WorkshopSlotsTable {
	id: Generated<number>;
	editionId: number;
	campusId: number;
	/** The Brussels day of startsAt, YYYY-MM-DD. */
	localDate: string;
	startsAt: DbTime;
	endsAt: DbTime;
	room: string | null;
	language: InstructionLanguage;
	trainersNeeded: number;
	/** Raised only by a conditional UPDATE while below trainersNeeded. */
	trainersBooked: Generated<number>;
	maxPupils: number | null;
	/** NULL: offered to every expert organisation. */
	organisationId: number | null;
	trainerNote: string | null;
	status: SlotStatus;
	cancelledAt: DbTime | null;
	cancelReason: string | null;
	/** Why the coordinator placed the slot outside the edition's school hours; NULL: no exception. */
	hoursExceptionReason: Generated<string | null>;
	/** Raised on every change; calendar clients compare it. */
	sequence: Generated<number>;
	outcome: SlotOutcome | null;
	pupilsPresent: number | null;
	durationMinutes: number | null;
	reportNote: string | null;
	notGivenReason: NotGivenReason | null;
	reportedAt: DbTime | null;
	reportedBy: number | null;
	createdBy: number;
	createdAt: DbTime;
	updatedAt: DbTime;
}

export interface SlotTrainersTable {
	id: Generated<number>;
	slotId: number;
	trainerId: number;
	/** 1 while booked, NULL once cancelled (keeps the history, frees the unique key). */
	active: 1 | null;
	bookedAt: DbTime;
	bookedBy: number;
	cancelledAt: DbTime | null;
	cancelledBy: number | null;
	cancelReason: string | null;
}

export interface SlotClassesTable {
	slotId: number;
	classId: number;
}

export interface CalendarFeedsTable {
	id: Generated<number>;
	/** SHA-256 (hex) of the token in the address. */
	tokenHash: string;
	userId: number;
	/** NULL: a trainer's own feed; set: a coordinator's feed of one edition. */
	editionId: number | null;
	createdAt: DbTime;
	revokedAt: DbTime | null;
}
