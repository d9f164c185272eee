import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/index';
import type { Database } from '../../db/schema';
import type { DbTime } from '../../db/time';
import { inScheduledSlot, pupilsOnSlot as pupilsOn } from './planning.repository';

/**
 * The read side of the planning proposals: for the classes of one planning page
 * at once, every slot that could take each of them. The service ranks them; the
 * rules that decide *whether* a slot fits a class are all here, in SQL, so a
 * page costs one query however many classes it shows.
 */
type Eb = ExpressionBuilder<Database, 'classes' | 'workshopSlots'>;

/**
 * Room for this class: below the maximum with its pupils added, or, without a
 * maximum, no class yet (the planning view's own reading of an open slot).
 */
const roomFor = (eb: Eb) =>
	eb.or([
		eb.and([
			eb('workshopSlots.maxPupils', 'is', null),
			eb.not(eb.exists(eb.selectFrom('slotClasses as any').select('any.slotId').whereRef('any.slotId', '=', 'workshopSlots.id')))
		]),
		eb('workshopSlots.maxPupils', '>=', eb(pupilsOn(eb), '+', eb.ref('classes.pupilCount')))
	]);

/** The school calendar closes the day (added after the slot was made, or the slot would have been refused). */
const onBlockedDay = (eb: Eb) =>
	eb.exists(
		eb
			.selectFrom('blockedDays')
			.select('blockedDays.localDate')
			.whereRef('blockedDays.editionId', '=', 'workshopSlots.editionId')
			.whereRef('blockedDays.localDate', '=', 'workshopSlots.localDate')
	);

/** The class has another scheduled workshop overlapping this one (a class is in one place at a time). */
const clashesForClass = (eb: Eb) =>
	eb.exists(
		eb
			.selectFrom('slotClasses as mine')
			.innerJoin('workshopSlots as other', 'other.id', 'mine.slotId')
			.select('mine.slotId')
			.whereRef('mine.classId', '=', 'classes.id')
			.where('other.status', '=', 'scheduled')
			.whereRef('other.startsAt', '<', 'workshopSlots.endsAt')
			.whereRef('workshopSlots.startsAt', '<', 'other.endsAt')
	);

/**
 * For each of these classes, the scheduled slots still to come of its edition at
 * its own campus (workshops are given at the school) in its language, not on a
 * blocked day, with room for its pupils and not clashing with its other slots.
 */
export function listProposalCandidates(db: Db, editionId: number, classIds: number[], now: DbTime) {
	if (classIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('classes')
		.innerJoin('workshopSlots', (join) =>
			join
				.onRef('workshopSlots.editionId', '=', 'classes.editionId')
				.onRef('workshopSlots.campusId', '=', 'classes.campusId')
				.onRef('workshopSlots.language', '=', 'classes.language')
		)
		.select((eb) => [
			'classes.id as classId',
			'workshopSlots.id as slotId',
			'workshopSlots.localDate',
			'workshopSlots.startsAt',
			'workshopSlots.endsAt',
			'workshopSlots.room',
			'workshopSlots.maxPupils',
			pupilsOn(eb).as('pupils')
		])
		.where('classes.editionId', '=', editionId)
		.where('classes.id', 'in', classIds)
		.where('classes.status', '=', 'enrolled')
		.where('workshopSlots.status', '=', 'scheduled')
		.where('workshopSlots.startsAt', '>', now)
		.where((eb) => eb.not(onBlockedDay(eb)))
		.where((eb) => roomFor(eb))
		.where((eb) => eb.not(clashesForClass(eb)))
		.orderBy('workshopSlots.startsAt')
		.orderBy('workshopSlots.id')
		.execute();
}

export type ProposalCandidate = Awaited<ReturnType<typeof listProposalCandidates>>[number];

/** A class as placing it from a proposal needs it, and whether it has a scheduled slot already. */
export const findClassToPlace = (db: Db, classId: number) =>
	db
		.selectFrom('classes')
		.select((eb) => ['classes.id', 'classes.editionId', 'classes.status', 'classes.language', inScheduledSlot(eb).as('planned')])
		.where('classes.id', '=', classId)
		.executeTakeFirst();

/** What the notice after a placement names: the class and its new slot, both of this edition. */
export const findPlacement = (db: Db, editionId: number, slotId: number, classId: number) =>
	db
		.selectFrom('slotClasses')
		.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.select(['classes.name as className', 'workshopSlots.id as slotId', 'workshopSlots.localDate', 'workshopSlots.startsAt', 'workshopSlots.endsAt'])
		.where('slotClasses.slotId', '=', slotId)
		.where('slotClasses.classId', '=', classId)
		.where('workshopSlots.editionId', '=', editionId)
		.executeTakeFirst();
