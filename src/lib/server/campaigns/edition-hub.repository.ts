import { sql } from 'kysely';
import type { Db } from '../db';
import type { DbTime } from '../db/time';
import { lowStockCondition } from '../kits/kit-item.repository';
import { campusesReachedCount, isReached, pupilsReachedSum } from '../reports/reach.repository';

/**
 * The edition hub's figures in one statement: the edition with its campaign and
 * one scalar subquery per count, each on an index that starts with edition_id
 * (the same on SQLite and MariaDB; no GROUP BY to line up). `now` decides which
 * slots are still to staff and which are over but unreported; `userId` whose
 * calendar subscription counts.
 */
export function findEditionHubRow(db: Db, editionId: number, now: DbTime, userId: number) {
	return db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.where('editions.id', '=', editionId)
		.select((eb) => {
			const classes = (status: 'enrolled' | 'waiting' | 'withdrawn') =>
				eb.selectFrom('classes').where('classes.editionId', '=', editionId).where('classes.status', '=', status);
			const reached = () => eb.selectFrom('classes').where('classes.editionId', '=', editionId).where(isReached);
			const slots = () => eb.selectFrom('workshopSlots').where('workshopSlots.editionId', '=', editionId).where('workshopSlots.status', '=', 'scheduled');
			/** Enrolled classes in at least one scheduled slot; `given`: one that was given. */
			const classesInSlots = (given: boolean) =>
				classes('enrolled').where(({ exists, selectFrom }) =>
					exists(
						selectFrom('slotClasses')
							.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
							.select(sql`1`.as('one'))
							.whereRef('slotClasses.classId', '=', 'classes.id')
							.where('workshopSlots.status', '=', 'scheduled')
							.$if(given, (q) => q.where('workshopSlots.outcome', '=', 'given'))
					)
				);
			return [
				'editions.id',
				'editions.name',
				'editions.status',
				'editions.enrolmentOpensAt',
				'editions.enrolmentClosesAt',
				'editions.workshopStartsOn',
				'editions.workshopEndsOn',
				'editions.maxClasses',
				'campaigns.name as campaignName',
				'campaigns.colour as campaignColour',
				classes('enrolled')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('enrolled'),
				classes('waiting')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('waiting'),
				classes('withdrawn')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('withdrawn'),
				// Pupils and campuses reached: reach.repository's definition, as the report and campus pages.
				reached()
					.select((s) => pupilsReachedSum(s).as('n'))
					.as('pupils'),
				reached()
					.select((s) => campusesReachedCount(s).as('n'))
					.as('campuses'),
				// Materials-only classes (issue 17.5) count as enrolled but are never to plan.
				classes('enrolled')
					.where('classes.participation', '=', 'materials')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('materialsOnly'),
				classesInSlots(false)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('classesPlanned'),
				classesInSlots(true)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('classesGiven'),
				slots()
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('slots'),
				slots()
					.whereRef('workshopSlots.trainersBooked', '<', 'workshopSlots.trainersNeeded')
					.where('workshopSlots.startsAt', '>', now)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('slotsNeedingTrainers'),
				slots()
					.where('workshopSlots.outcome', 'is', null)
					.where('workshopSlots.endsAt', '<=', now)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('slotsUnreported'),
				eb
					.selectFrom('blockedDays')
					.where('blockedDays.editionId', '=', editionId)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('blockedDays'),
				eb
					.selectFrom('materials')
					.where('materials.editionId', '=', editionId)
					.where('materials.retiredAt', 'is', null)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('materials'),
				eb
					.selectFrom('kitItems')
					.where('kitItems.editionId', '=', editionId)
					.where('kitItems.active', '=', 1)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('kitItems'),
				eb
					.selectFrom('kitItems')
					.where('kitItems.editionId', '=', editionId)
					.where('kitItems.active', '=', 1)
					.where(lowStockCondition)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('kitItemsLow'),
				eb
					.selectFrom('kitOrders')
					.where('kitOrders.editionId', '=', editionId)
					.where('kitOrders.status', 'not in', ['draft', 'cancelled'])
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('kitOrders'),
				eb
					.selectFrom('kitOrders')
					.where('kitOrders.editionId', '=', editionId)
					.where('kitOrders.status', '=', 'submitted')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('kitOrdersToApprove'),
				eb
					.selectFrom('certificates')
					.where('certificates.editionId', '=', editionId)
					.where('certificates.active', '=', 1)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('certificates'),
				eb
					.selectFrom('certificates')
					.where('certificates.editionId', '=', editionId)
					.where('certificates.active', '=', 1)
					.where('certificates.kind', '=', 'class')
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('classCertificates'),
				eb
					.selectFrom('calendarFeeds')
					.where('calendarFeeds.editionId', '=', editionId)
					.where('calendarFeeds.userId', '=', userId)
					.where('calendarFeeds.revokedAt', 'is', null)
					.select((s) => s.fn.countAll<number>().as('n'))
					.as('calendarFeeds')
			];
		})
		.executeTakeFirst();
}

export type EditionHubRow = NonNullable<Awaited<ReturnType<typeof findEditionHubRow>>>;
