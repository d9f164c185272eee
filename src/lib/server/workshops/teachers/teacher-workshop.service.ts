import { listTrainersOfSlots } from '../slots/slot-people.repository';
import { firstName } from '../trainers/trainer-name';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { fromDbTime } from '../../db/time';
import { brusselsDateOf, brusselsTimeOf } from '../../../time/brussels';
import * as repo from './teacher-workshop.repository';

export interface TeacherWorkshop {
	slotId: number;
	/** Brussels day and wall-clock times. */
	localDate: string;
	startTime: string;
	endTime: string;
	campusName: string;
	room: string | null;
	cancelled: boolean;
	/** First name and organisation only: never an e-mail address or a full name. */
	trainers: { firstName: string; organisation: string | null }[];
	/** Places still free for trainers (0 when complete). */
	trainersMissing: number;
	/** The Brussels day of the last change of time or place after the class was put in the slot, or null. */
	changedOn: string | null;
}

type Change = Awaited<ReturnType<typeof repo.listSlotChanges>>[number];

const json = (text: string | null): Record<string, unknown> => (text ? JSON.parse(text) : {});

/** What a teacher was mailed about as "changed" (updateSlot's own test): time, campus or room. */
const moved = (c: Change) => {
	const [before, after] = [json(c.beforeJson), json(c.afterJson)];
	return ['startsAt', 'endsAt', 'campusId', 'room'].some((k) => before[k] !== after[k]);
};

/**
 * The day of the last move of the slot since the class was (last) put in it.
 * Moves before that are not news to the teacher; a trainer found or gone is
 * shown by name, and a cancellation as such, not as a change.
 */
function changedOn(changes: Change[], classId: number): string | null {
	let last: Change | null = null;
	for (const c of changes) {
		if (c.action === 'workshop.slot_classes_set') {
			const [before, after] = [json(c.beforeJson).classIds, json(c.afterJson).classIds] as (number[] | undefined)[];
			if (after?.includes(classId) && !before?.includes(classId)) last = null;
		} else if (moved(c)) last = c;
	}
	return last ? brusselsDateOf(fromDbTime(last.createdAt)) : null;
}

/**
 * The workshops of the given classes, keyed by class id. The caller has already
 * checked that the teacher may see these classes.
 */
export async function workshopsOfClasses(db: Kysely<Database>, classIds: number[]): Promise<Record<number, TeacherWorkshop[]>> {
	const slots = await repo.listSlotsOfClasses(db, [...new Set(classIds)]);
	const slotIds = [...new Set(slots.map((s) => s.slotId))];
	const [trainers, changes] = await Promise.all([listTrainersOfSlots(db, slotIds), repo.listSlotChanges(db, slotIds)]);
	const out: Record<number, TeacherWorkshop[]> = {};
	for (const s of slots) {
		const mine = trainers.filter((t) => t.slotId === s.slotId).map((t) => ({ firstName: firstName(t.displayName), organisation: t.organisationName }));
		(out[s.classId] ??= []).push({
			slotId: s.slotId,
			localDate: s.localDate,
			startTime: brusselsTimeOf(fromDbTime(s.startsAt)),
			endTime: brusselsTimeOf(fromDbTime(s.endsAt)),
			campusName: s.campusName,
			room: s.room,
			cancelled: s.status === 'cancelled',
			trainers: mine,
			trainersMissing: Math.max(0, s.trainersNeeded - mine.length),
			changedOn: changedOn(
				changes.filter((c) => c.entityId === String(s.slotId)),
				s.classId
			)
		});
	}
	return out;
}
