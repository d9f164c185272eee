import type { Kysely } from 'kysely';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { Database } from '../../../src/lib/server/db/schema';
import { addQuestion } from '../../../src/lib/server/evaluations/questions.service';
import { setSlotClasses } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import { bookSlot } from '../../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../../src/lib/server/workshops/trainers/report.service';
import { addSlot, workshopWorld } from './workshop-fixtures';

/**
 * Issue 19.1's world: workshopWorld with Anna booked on a Campus Centrum
 * workshop (5A, 5B of lies@school.be) on 12 May 2027 and Chris on a Campus Noord
 * one (6A, 6B of tom@school.be, who reads English) on 13 May. The clock must be
 * frozen before 12 May; `after` says when both workshops are over.
 */
export async function evaluationWorld(db: Kysely<Database>) {
	const w = await workshopWorld(db);
	const campaignId = (await db.selectFrom('editions').select('campaignId').where('id', '=', w.editionId).executeTakeFirstOrThrow()).campaignId;
	const centrumSlot = await addSlot(db, w.coordinator, w.editionId, w.centrum.campusId, '2027-05-12', '09:00', '10:40', { trainersNeeded: 2 });
	const noordSlot = await addSlot(db, w.coordinator, w.editionId, w.noord.campusId, '2027-05-13', '09:00', '10:40');
	await setSlotClasses(db, w.coordinator, centrumSlot, w.centrum.classIds);
	await setSlotClasses(db, w.coordinator, noordSlot, w.noord.classIds);
	await bookSlot(db, w.anna, centrumSlot);
	await bookSlot(db, w.chris, noordSlot);
	return { ...w, campaignId, centrumSlot, noordSlot, after: '2027-05-14T08:00:00Z' };
}

export type EvaluationWorld = Awaited<ReturnType<typeof evaluationWorld>>;

/** Two questions, as a coordinator would define them. */
export async function twoQuestions(db: Kysely<Database>, w: EvaluationWorld): Promise<number[]> {
	return [
		await addQuestion(db, w.coordinator, w.campaignId, { textNl: 'Sloot de workshop aan bij je klas?', textEn: 'Did the workshop suit your class?' }),
		await addQuestion(db, w.coordinator, w.campaignId, { textNl: 'Zou je hem aanraden?', textEn: 'Would you recommend it?' })
	];
}

export const given = (db: Kysely<Database>, trainer: Actor, slotId: number) =>
	reportWorkshop(db, trainer, slotId, { outcome: 'given', pupilsPresent: 40, durationMinutes: 100, note: null });

/** The evaluation invitations queued, oldest first. */
export const invitations = (db: Kysely<Database>) =>
	db
		.selectFrom('mailOutbox')
		.select(['recipient', 'locale', 'subject', 'bodyText', 'dedupeKey'])
		.where('template', '=', 'teacher_evaluation')
		.orderBy('id')
		.execute();
