import type { Db } from '../../db/index';
import type { DbTime } from '../../db/time';
import { listUpcomingSlotIdsOfClass, updateSlot } from '../slots/slot.repository';
import { queueWorkshopMails } from '../workshop-mail';

/**
 * Called in the transaction that withdraws a class. Its upcoming workshops lose a
 * class from their event text, so each slot's SEQUENCE goes up (calendars update)
 * and the trainers and the teacher are told. Workshops already given or cancelled
 * are history and stay as they are.
 */
export async function noticeWithdrawnClassInSlots(db: Db, classId: number, now: DbTime): Promise<void> {
	for (const slotId of await listUpcomingSlotIdsOfClass(db, classId, now)) {
		await updateSlot(db, slotId, {}, now);
		await queueWorkshopMails(db, slotId, { event: 'class_withdrawn', classId });
	}
}
