import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { clock, fromDbTime } from '../../db/time';
import { NotFoundError } from '../../errors';
import { brusselsDateOf } from '../../../time/brussels';
import { cancellationDeadline } from './booking.service';
import { contactsOfSlots, contactsShownUntil, contactsWindowOpen } from '../contacts/slot-contacts';
import { evaluationsForTrainer } from '../../evaluations/trainer-evaluations';
import { trainerHistoryOnSlot } from './trainer-mine.repository';
import { findSlotCard, type SlotCardRow } from './trainer-slot-view.repository';
import { requireTrainer, trainerNamesOf, withClasses, type TrainerUser } from './trainer-views.service';

/** Whether the trainer could book the slot now (the open list's rules, for one slot). */
export function isOpenFor(slot: SlotCardRow, user: TrainerUser, now: Date): boolean {
	return (
		slot.status === 'scheduled' &&
		fromDbTime(slot.startsAt) > now &&
		slot.editionStatus === 'published' &&
		slot.trainersBooked < slot.trainersNeeded &&
		(slot.organisationId === null || slot.organisationId === user.organisationId)
	);
}

/**
 * One slot as the trainer sees it. Only a trainer who is or was on the slot, or
 * for whom it is open, may see it: anyone else gets a 404 (no hint it exists).
 */
export async function trainerSlotPage(db: Kysely<Database>, user: TrainerUser, slotId: number) {
	requireTrainer(user);
	const now = clock.now();
	const row = await findSlotCard(db, slotId);
	if (!row) throw new NotFoundError();
	const history = await trainerHistoryOnSlot(db, user.id, slotId);
	const open = !history.booked && isOpenFor(row, user, now);
	if (!history.any && !open) throw new NotFoundError();
	const [[{ view }], namesOf] = await Promise.all([withClasses(db, [row]), trainerNamesOf(db, [slotId])]);
	const deadline = cancellationDeadline(row, row);
	const booked = history.booked && row.status === 'scheduled';
	const started = view.startsAt <= now;
	return {
		contacts: await contactsOnPage(db, row, booked, now),
		// The teachers' evaluations (issue 19.1): only for a trainer booked on it, never for another trainer.
		evaluations: await evaluationsForTrainer(db, row, history.booked),
		slot: view,
		coTrainers: namesOf(slotId)
			.filter((t) => t.id !== user.id)
			.map((t) => t.firstName),
		booked: history.booked,
		ended:
			!history.booked && history.ended
				? { byMe: history.ended.cancelledBy === user.id, at: history.ended.cancelledAt ? fromDbTime(history.ended.cancelledAt) : null }
				: null,
		canBook: open,
		deadline,
		canCancel: booked && !started && row.outcome === null && now < deadline,
		afterDeadline: booked && !started && now >= deadline,
		canReport: booked && started,
		report:
			row.outcome === null
				? null
				: {
						outcome: row.outcome,
						pupilsPresent: row.pupilsPresent,
						durationMinutes: row.durationMinutes,
						notGivenReason: row.notGivenReason,
						note: row.reportNote,
						reportedAt: row.reportedAt ? fromDbTime(row.reportedAt) : null
					}
	};
}
/**
 * The contacts box: shown to a trainer booked on the scheduled slot until a week
 * after it; after that only the date they disappeared, so the page can say why.
 */
async function contactsOnPage(db: Kysely<Database>, row: SlotCardRow, booked: boolean, now: Date) {
	if (!booked) return null;
	if (!contactsWindowOpen(row, now)) return { shown: null, hiddenSince: brusselsDateOf(contactsShownUntil(row.endsAt)) };
	return { shown: (await contactsOfSlots(db, [row.id])).get(row.id)!, hiddenSince: null };
}

export type TrainerSlotPage = Awaited<ReturnType<typeof trainerSlotPage>>;
