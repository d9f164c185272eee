import type { Db } from '../db';
import type { Participation } from '../db/schema';
import { ConflictError } from '../errors';
import type { ClassInput } from '../../schemas/enrolment';
import { isInScheduledSlot } from './class.repository';

/**
 * Materials-only classes (issue 17.5): the rules that set them apart from classes
 * with a workshop. Their quota, waiting list and figures are those of any class.
 */

/** A materials-only class asks for no workshop, so it keeps no preferred half-days. */
export const halfDaysFor = (participation: Participation, days: ClassInput['preferredHalfDays']) => (participation === 'materials' ? [] : days);

/**
 * A class can switch between a workshop and materials only while it is in no
 * scheduled slot; switching back to a workshop is always allowed. Called with the
 * class locked, so a coordinator cannot place it on a slot meanwhile.
 */
export async function assertMaySwitchParticipation(db: Db, cls: { id: number; participation: Participation }, next: Participation): Promise<void> {
	if (next === 'materials' && cls.participation !== 'materials' && (await isInScheduledSlot(db, cls.id))) {
		throw new ConflictError('mo_error_has_slot', 'participation');
	}
}
