import type { InstructionLanguage } from '../../db/schema';

/** A slot's settings as a coordinator enters them: local day and wall-clock times in Brussels. */
export interface SlotInput {
	campusId: number;
	localDate: string;
	startTime: string;
	endTime: string;
	room: string | null;
	language: InstructionLanguage;
	trainersNeeded: 1 | 2;
	maxPupils: number | null;
	organisationId: number | null;
	trainerNote: string | null;
	/** Why the slot may lie outside the edition's school hours; absent or null: it may not. */
	hoursExceptionReason?: string | null;
}

/** "Campus X, 12 May, four slots of 50 minutes from 08:30 with 10 minutes between." */
export interface BulkSlotInput extends Omit<SlotInput, 'startTime' | 'endTime'> {
	firstStart: string;
	count: number;
	durationMinutes: number;
	gapMinutes: number;
}

export const bulkSlotMax = 12;

const toMinutes = (time: string) => {
	const [h, m] = time.split(':').map(Number);
	return h * 60 + m;
};
const toTime = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * The wall-clock times of a bulk request, or null when the last one would run
 * past midnight. Times are counted on the local clock, so a series stays
 * "08:30, 09:30, …" even on a day the clocks change.
 */
export function bulkTimes(
	input: Pick<BulkSlotInput, 'firstStart' | 'count' | 'durationMinutes' | 'gapMinutes'>
): { startTime: string; endTime: string }[] | null {
	const first = toMinutes(input.firstStart);
	const times = Array.from({ length: input.count }, (_, i) => {
		const start = first + i * (input.durationMinutes + input.gapMinutes);
		return { start, end: start + input.durationMinutes };
	});
	if (times.at(-1)!.end > 24 * 60 - 1) return null;
	return times.map((t) => ({ startTime: toTime(t.start), endTime: toTime(t.end) }));
}
