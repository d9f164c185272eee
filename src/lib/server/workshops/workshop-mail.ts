import type { Db } from '../db';
import { publicOrigin } from '../config';
import { enqueueMail } from '../mail/outbox';
import type { WorkshopMailEvent } from '../mail/kinds/workshop';
import { findSlotById } from './slots/slot.repository';
import { findSlotPlace, listTeachersOfClasses, listTeachersOfSlot, listTrainersOfSlot } from './workshop-mail.repository';
import { trainerLabel } from './trainers/trainer-name';
import { slotInvitations, type InvitationMethod } from './calendar/workshop-invitation';
import { contactsOfSlots, contactsWindowOpen } from './contacts/slot-contacts';
import { clock } from '../db/time';

export type WorkshopMailCause =
	| { event: 'trainer_booked'; trainerId: number; byTrainer: boolean }
	| { event: 'trainer_cancelled'; trainerId: number; byTrainer: boolean; reason: string | null }
	| { event: 'slot_changed' }
	| { event: 'slot_cancelled'; reason: string }
	| { event: 'classes_scheduled'; classIds: number[] }
	| { event: 'classes_unscheduled'; classIds: number[] }
	| { event: 'class_withdrawn'; classId: number };

/** The teachers who enrolled the slot's classes (or only some of them), with their class names. */
async function teachersOf(db: Db, slotId: number, onlyClassIds?: number[]) {
	return groupByTeacher(await listTeachersOfSlot(db, slotId, onlyClassIds));
}

/** The teachers of some classes; a withdrawn class counts only when asked for (its own withdrawal). */
async function teachersOfClasses(db: Db, classIds: number[], opts: { withdrawnToo?: boolean } = {}) {
	return groupByTeacher(await listTeachersOfClasses(db, classIds, opts));
}

function groupByTeacher(rows: { id: number; email: string; displayName: string; locale: 'nl' | 'en'; className: string }[]) {
	const byTeacher = new Map<number, { email: string; displayName: string; locale: 'nl' | 'en'; classes: string[] }>();
	for (const r of rows) {
		const t = byTeacher.get(r.id) ?? { email: r.email, displayName: r.displayName, locale: r.locale, classes: [] };
		t.classes.push(r.className);
		byTeacher.set(r.id, t);
	}
	return byTeacher;
}

/**
 * Queues the mails a workshop change owes the people concerned, in the same
 * transaction as the change: the trainers on the slot and the teachers of its
 * classes. The dedupe key includes the slot's sequence, so one change is one mail.
 */
export async function queueWorkshopMails(db: Db, slotId: number, cause: WorkshopMailCause): Promise<void> {
	const slot = (await findSlotById(db, slotId))!;
	const place = await findSlotPlace(db, slot.campusId, slot.editionId);
	const base = {
		startsAt: slot.startsAt,
		endsAt: slot.endsAt,
		campus: `${place.school} – ${place.campus}`,
		address: `${place.street}, ${place.postalCode} ${place.city}`,
		room: slot.room ?? '',
		reason: 'reason' in cause ? (cause.reason ?? '') : '',
		campaign: place.edition
	};
	const invitation = await slotInvitations(db, slotId);
	type To = { id: number; email: string; displayName: string; locale: 'nl' | 'en' };
	// Whom the trainers meet (issue 18.1). The mail is frozen in the outbox as it is
	// queued, so only a trainer booked at this moment gets them, in the same window as the page.
	const bookedNow = new Set((await listTrainersOfSlot(db, slotId)).map((t) => t.id));
	const contacts = contactsWindowOpen(slot, clock.now()) ? ((await contactsOfSlots(db, [slotId])).get(slotId) ?? null) : null;
	const contactsFor = (to: To, role: 'trainer' | 'teacher', method: InvitationMethod) =>
		role === 'trainer' && method === 'REQUEST' && bookedNow.has(to.id) ? contacts : null;
	const send = async (
		to: To,
		event: WorkshopMailEvent,
		extra: { classes?: string; trainer?: string; url: string; role: 'trainer' | 'teacher'; method: InvitationMethod }
	) => {
		const withContacts = contactsFor(to, extra.role, extra.method);
		return enqueueMail(db, {
			recipient: to.email,
			locale: to.locale,
			mail: {
				template: 'workshop',
				params: {
					name: to.displayName,
					event,
					...base,
					classes: extra.classes ?? '',
					trainer: extra.trainer ?? '',
					url: extra.url,
					...(withContacts ? { contacts: withContacts } : {})
				}
			},
			dedupeKey: `workshop:${event}:${slotId}:${slot.sequence}:${to.id}`,
			calendar: await invitation({ ...to, role: extra.role, url: extra.url, method: extra.method, contacts: withContacts })
		});
	};
	const trainerUrl = `${publicOrigin()}/trainer/workshops/${slotId}`;
	const teacherUrl = `${publicOrigin()}/teacher`;
	if (cause.event === 'class_withdrawn') {
		// The class stays in slot_classes (the coordinator decides what happens to the
		// workshop) but no longer in the event: trainers get the updated event, and the
		// teacher a CANCEL unless another of their classes is still in the slot.
		const [[teacherId, teacher]] = await teachersOfClasses(db, [cause.classId], { withdrawnToo: true });
		const classes = teacher.classes.join(', ');
		for (const trainer of await listTrainersOfSlot(db, slotId))
			await send(trainer, 'class_withdrawn', { classes, url: trainerUrl, role: 'trainer', method: 'REQUEST' });
		if (!(await teachersOf(db, slotId)).has(teacherId))
			await send({ id: teacherId, ...teacher }, 'teacher_class_withdrawn', { classes, url: teacherUrl, role: 'teacher', method: 'CANCEL' });
		return;
	}
	const onlyClasses = cause.event === 'classes_scheduled' || cause.event === 'classes_unscheduled' ? cause.classIds : undefined;
	// A class taken out of the slot is no longer in slot_classes: look it up by id.
	const teachers = cause.event === 'classes_unscheduled' ? await teachersOfClasses(db, cause.classIds) : await teachersOf(db, slotId, onlyClasses);
	if (cause.event === 'trainer_booked' || cause.event === 'trainer_cancelled') {
		const [trainer] = await listTrainersOfSlot(db, slotId, [cause.trainerId]);
		const who = trainerLabel(trainer);
		const booked = cause.event === 'trainer_booked';
		const event = booked ? (cause.byTrainer ? 'booked_self' : 'assigned') : cause.byTrainer ? 'cancelled_self' : 'unassigned';
		// The trainer's calendar drops the event; the teachers' keeps it, with the new trainer line.
		await send(trainer, event, { url: trainerUrl, role: 'trainer', method: booked ? 'REQUEST' : 'CANCEL' });
		for (const [id, t] of teachers)
			await send({ id, ...t }, booked ? 'teacher_trainer_found' : 'teacher_trainer_gone', {
				classes: t.classes.join(', '),
				trainer: who,
				url: teacherUrl,
				role: 'teacher',
				method: 'REQUEST'
			});
		return;
	}
	if (cause.event === 'classes_scheduled' || cause.event === 'classes_unscheduled') {
		const scheduled = cause.event === 'classes_scheduled';
		// A teacher with another class still in the slot keeps the event.
		const staying = scheduled ? teachers : await teachersOf(db, slotId);
		for (const [id, t] of teachers) {
			const method = scheduled || staying.has(id) ? 'REQUEST' : 'CANCEL';
			await send({ id, ...t }, scheduled ? 'teacher_scheduled' : 'teacher_unscheduled', {
				classes: t.classes.join(', '),
				url: teacherUrl,
				role: 'teacher',
				method
			});
		}
		return;
	}
	const event = cause.event === 'slot_changed' ? 'changed' : 'cancelled';
	const method = event === 'cancelled' ? 'CANCEL' : 'REQUEST';
	for (const trainer of await listTrainersOfSlot(db, slotId)) await send(trainer, event, { url: trainerUrl, role: 'trainer', method });
	for (const [id, t] of teachers) await send({ id, ...t }, event, { classes: t.classes.join(', '), url: teacherUrl, role: 'teacher', method });
}
