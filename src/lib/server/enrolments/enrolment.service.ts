import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { isCoordinator } from '../auth/actor';
import { findEditionForUpdate } from '../campaigns/edition.repository';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { textKey } from '../db/keys';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { assertTeachesAt } from '../auth/campus-access';
import { noticeWithdrawnClassInSlots } from '../workshops/teachers/withdrawn-class';
import { NotFoundError, ValidationError } from '../errors';
import type { ClassInput } from '../../schemas/enrolment';
import type { Level, Participation } from '../db/schema';
import type { Row } from '../db/rows';
import { assertMayChangeClass, assertMayEnrol } from './class-access';
import { checkClassFits } from './class-rules';
import { readEnrolled } from './class-counters.repository';
import * as classes from './class.repository';
import { mailClassStatus, mailClassWithdrawn } from './enrolment-mail';
import { assertMaySwitchParticipation, halfDaysFor } from './participation';
import { placeForNewClass, promoteWhilePossible, type Promotion, type WaitReason } from './quota';

export interface EnrolInput extends ClassInput {
	editionId: number;
	campusId: number;
	/** Materials only, or a workshop (the default). */
	participation?: Participation;
	/** A coordinator enrolling on a teacher's behalf names the teacher; default: the actor. */
	onBehalfOf?: number;
}

export interface EnrolResult {
	classId: number;
	status: 'enrolled' | 'waiting';
	position: number | null;
	/** Which limit put the class on the waiting list: the campus's own maximum or the edition's total. */
	reason: WaitReason | null;
}

/** Maps the unique key on (edition, campus, name, active) to a field error. */
export async function mapNameClash<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('error_class_name_taken', 'name');
		throw err;
	}
}

/**
 * Enrols a class. The edition row is locked before counting, so concurrent
 * enrolments for the last place are decided one at a time: one gets the place,
 * the others join the waiting list in arrival order.
 */
export async function enrolClass(db: Kysely<Database>, actor: Actor, input: EnrolInput, locale = 'nl'): Promise<EnrolResult> {
	return mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const edition = await findEditionForUpdate(trx, input.editionId);
			if (!edition) throw new NotFoundError();
			await assertMayEnrol(trx, actor, edition, input.campusId);
			const checked = await checkNewClass(trx, edition, input, locale);
			const enrolledBy = isCoordinator(actor) && input.onBehalfOf ? input.onBehalfOf : actor.id;
			// The teacher a coordinator enrols for must be one of the campus: else the choice was not on offer.
			if (enrolledBy !== actor.id) await assertTeachesAt(trx, enrolledBy, input.campusId, () => new ValidationError('v_choose_option', 'onBehalfOf'));
			const result = await admitClass(trx, actor, edition, input, checked, enrolledBy);
			await mailClassStatus(trx, result.status === 'enrolled' ? 'class_enrolled' : 'class_waiting', result.classId, result.position);
			return result;
		})
	);
}

type NewClass = Omit<EnrolInput, 'editionId' | 'onBehalfOf'>;
type CheckedClass = { level: Level; participation: Participation; preferredHalfDays: ClassInput['preferredHalfDays'] };

/** A new class checked against its edition and campus (grade, preferred half-days, a free name); the caller holds the edition lock. */
export async function checkNewClass(trx: Kysely<Database>, edition: Row<'editions'>, input: NewClass, locale: string): Promise<CheckedClass> {
	const participation = input.participation ?? 'workshop';
	const preferredHalfDays = halfDaysFor(participation, input.preferredHalfDays);
	const level = await checkClassFits(trx, edition, input.campusId, { ...input, preferredHalfDays }, locale);
	if (await classes.findActiveClassByName(trx, edition.id, input.campusId, textKey(input.name))) throw new ValidationError('error_class_name_taken', 'name');
	return { level, participation, preferredHalfDays };
}

/**
 * Writes a checked class where it goes now: enrolled while the quotas allow it,
 * else on the waiting list. The caller holds the edition lock, so classes admitted
 * one after the other in one transaction are decided in that order.
 */
export async function admitClass(
	trx: Kysely<Database>,
	actor: Actor,
	edition: Row<'editions'>,
	input: NewClass,
	checked: CheckedClass,
	enrolledBy: number
): Promise<EnrolResult> {
	const { level, participation, preferredHalfDays } = checked;
	const { status, reason } = await placeForNewClass(trx, edition.id, input.campusId, edition);
	const classId = await classes.insertClass(trx, {
		editionId: edition.id,
		campusId: input.campusId,
		name: input.name,
		nameKey: textKey(input.name),
		grade: input.grade,
		level,
		pupilCount: input.pupilCount,
		language: input.language,
		remarks: input.remarks,
		status,
		enrolledBy,
		participation,
		now: nowDb()
	});
	await classes.replacePreferredHalfDays(trx, classId, preferredHalfDays);
	const position = status === 'waiting' ? await classes.waitingPosition(trx, edition.id, classId) : null;
	await audit(trx, {
		actorId: actor.id,
		action: status === 'enrolled' ? 'class.enrolled' : 'class.waitlisted',
		entityType: 'class',
		entityId: classId,
		after: { ...summary(input), participation, campusId: input.campusId, status, ...(reason ? { reason } : {}) }
	});
	return { classId, status, position, reason };
}

const summary = (c: Pick<ClassInput, 'name' | 'grade' | 'pupilCount' | 'language'>) => ({
	name: c.name,
	grade: c.grade,
	pupilCount: c.pupilCount,
	language: c.language
});

/** Edits a class (its owner while enrolment is open, or a coordinator, who may also move it to another campus). */
export async function updateClassDetails(
	db: Kysely<Database>,
	actor: Actor,
	classId: number,
	input: ClassInput & { campusId?: number; participation?: Participation },
	locale = 'nl'
): Promise<void> {
	await mapNameClash(() =>
		withTransaction(db, async (trx) => {
			const { edition, cls } = await lockClass(trx, classId);
			await assertMayChangeClass(trx, actor, edition, cls);
			if (cls.status === 'withdrawn') throw new ValidationError('error_class_withdrawn');
			const campusId = isCoordinator(actor) && input.campusId ? input.campusId : cls.campusId;
			const participation = input.participation ?? cls.participation;
			await assertMaySwitchParticipation(trx, cls, participation);
			const preferredHalfDays = halfDaysFor(participation, input.preferredHalfDays);
			const level = await checkClassFits(trx, edition, campusId, { ...input, preferredHalfDays }, locale);
			if (campusId !== cls.campusId && cls.status === 'enrolled' && edition.maxClassesPerCampus !== null) {
				const counts = await readEnrolled(trx, edition.id, campusId);
				if (counts.campus >= edition.maxClassesPerCampus) throw new ValidationError('error_campus_full', 'campusId');
			}
			const nameKey = textKey(input.name);
			await classes.updateClass(
				trx,
				cls,
				{
					name: input.name,
					nameKey,
					grade: input.grade,
					level,
					pupilCount: input.pupilCount,
					language: input.language,
					remarks: input.remarks,
					campusId,
					participation
				},
				nowDb()
			);
			await classes.replacePreferredHalfDays(trx, classId, preferredHalfDays);
			await audit(trx, {
				actorId: actor.id,
				action: 'class.updated',
				entityType: 'class',
				entityId: classId,
				before: { ...summary(cls), participation: cls.participation, campusId: cls.campusId },
				after: { ...summary(input), participation, campusId }
			});
			// A class leaving a campus may free that campus's place for a waiting class.
			if (campusId !== cls.campusId) await promoteAndMail(trx, actor, edition.id, edition);
		})
	);
}

/** Withdraws a class; a place it frees goes to the first eligible class on the waiting list, in the same transaction. */
export async function withdrawClass(db: Kysely<Database>, actor: Actor, classId: number): Promise<Promotion[]> {
	return withTransaction(db, async (trx) => {
		const { edition, cls } = await lockClass(trx, classId);
		await assertMayChangeClass(trx, actor, edition, cls);
		if (cls.status === 'withdrawn') throw new ValidationError('error_class_withdrawn');
		const now = nowDb();
		await classes.updateClass(trx, cls, { status: 'withdrawn', active: null, withdrawnAt: now }, now);
		await audit(trx, {
			actorId: actor.id,
			action: 'class.withdrawn',
			entityType: 'class',
			entityId: classId,
			before: { status: cls.status },
			after: { status: 'withdrawn' }
		});
		// The teacher may be the one who acted; a coordinator on their behalf is named in the mail.
		await mailClassWithdrawn(trx, classId, cls.status === 'waiting' ? 'waiting' : 'enrolled', cls.enrolledBy === actor.id ? null : actor.displayName);
		await noticeWithdrawnClassInSlots(trx, classId, now);
		return cls.status === 'enrolled' ? promoteAndMail(trx, actor, edition.id, edition) : [];
	});
}

/** Locks the edition first, then the class: the one lock order every service keeps. */
export async function lockClass(trx: Kysely<Database>, classId: number) {
	const peek = await classes.findClassById(trx, classId);
	if (!peek) throw new NotFoundError();
	const edition = await findEditionForUpdate(trx, peek.editionId);
	const cls = await classes.findClassForUpdate(trx, classId);
	if (!edition || !cls) throw new NotFoundError();
	return { edition, cls };
}

export async function promoteAndMail(
	trx: Kysely<Database>,
	actor: Actor,
	editionId: number,
	quotas: { maxClasses: number | null; maxClassesPerCampus: number | null }
): Promise<Promotion[]> {
	const promoted = await promoteWhilePossible(trx, editionId, quotas);
	for (const p of promoted) {
		await audit(trx, {
			actorId: actor.id,
			action: 'class.promoted',
			entityType: 'class',
			entityId: p.classId,
			before: { status: 'waiting' },
			after: { status: 'enrolled' }
		});
		await mailClassStatus(trx, 'class_promoted', p.classId, null);
	}
	return promoted;
}
