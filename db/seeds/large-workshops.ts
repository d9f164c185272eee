import type { Insertable, Transaction } from 'kysely';
import type { Database, WorkshopSlotsTable } from '../../src/lib/server/db/schema';
import { emailKey } from '../../src/lib/server/db/keys';
import { toDbTime, type DbTime } from '../../src/lib/server/db/time';
import { parseSchoolHours } from '../../src/lib/calendar/school-hours';
import { belgianHolidaysBetween } from '../../src/lib/time/belgian-holidays';
import { schoolDays } from './demo-workshop-days';
import { batchSize, insertBatches } from './large-batches';
import type { Rng } from './large-data';
import { bookTrainers, planSlots, settle, type PlanClass, type PlannedSlot, type PlanTrainer } from './large-workshop-plan';

/**
 * The workshops of the Flanders edition (db/seeds/large.ts): its public holidays
 * as blocked days, about 20,000 slots on the other weekdays of its workshop
 * period, their classes, the bookings of the data set's 1,000 trainers (about
 * 70% of the slots) and the reports of past workshops. Planned in memory
 * (large-workshop-plan.ts), written with multi-row inserts inside the seed's
 * transaction. A coordinator account of the data set plans them.
 */
export interface LargeWorkshopCounts {
	slots: number;
	/** Slots with at least one trainer booked. */
	booked: number;
	bookings: number;
	given: number;
	cancelled: number;
	blockedDays: number;
}

interface Input {
	edition: { id: number; workshopStartsOn: string; workshopEndsOn: string };
	trainerIds: number[];
	slots: number;
	today: Date;
	passwordHash: string;
	emailDomain: string;
}

export async function insertLargeWorkshops(trx: Transaction<Database>, rng: Rng, input: Input): Promise<LargeWorkshopCounts> {
	const now = toDbTime(input.today);
	const { edition } = input;
	const rules = await trx
		.selectFrom('editions')
		.select(['travelBufferMinutes', 'maxWorkshopsPerTrainerDay', 'cancellationDeadlineDays', 'schoolHours'])
		.where('id', '=', edition.id)
		.executeTakeFirstOrThrow();
	const holidays = [...new Set(belgianHolidaysBetween(edition.workshopStartsOn, edition.workshopEndsOn).map((h) => h.date))];
	if (holidays.length)
		await trx
			.insertInto('blockedDays')
			.values(holidays.map((localDate) => ({ editionId: edition.id, localDate, kind: 'public_holiday' as const, label: null })))
			.execute();
	const days = schoolDays(edition.workshopStartsOn, edition.workshopEndsOn, new Set(holidays));
	const trainers = await loadTrainers(trx, input.trainerIds);
	const organisationIds = [...new Set(trainers.map((t) => t.organisationId).filter((id): id is number => id !== null))].sort((a, b) => a - b);
	const slots = planSlots(
		rng,
		days,
		await loadEnrolledClasses(trx, edition.id),
		input.slots,
		organisationIds,
		input.today,
		parseSchoolHours(rules.schoolHours)
	);
	bookTrainers(rng, slots, trainers, rules, input.today);
	settle(rng, slots, trainers, input.today, rules.cancellationDeadlineDays);
	const coordinatorId = await insertCoordinator(trx, input, now);
	await insertBatches(
		trx,
		'workshopSlots',
		slots.map((s) => slotRow(s, edition.id, coordinatorId))
	);
	const ids = (await trx.selectFrom('workshopSlots').select('id').where('editionId', '=', edition.id).orderBy('id').execute()).map((r) => r.id);
	if (ids.length !== slots.length) throw new Error(`expected ${slots.length} slots, found ${ids.length}`);
	await insertBatches(
		trx,
		'slotClasses',
		slots.flatMap((s, i) => s.classes.map((c) => ({ slotId: ids[i], classId: c.id })))
	);
	await insertBatches(
		trx,
		'slotTrainers',
		slots.flatMap((s, i) => s.bookings.map((b) => bookingRow(b, ids[i])))
	);
	return {
		slots: slots.length,
		booked: slots.filter((s) => active(s) > 0).length,
		bookings: slots.reduce((n, s) => n + active(s), 0),
		given: slots.filter((s) => s.report?.outcome === 'given').length,
		cancelled: slots.filter((s) => s.cancelled).length,
		blockedDays: holidays.length
	};
}

const active = (s: PlannedSlot) => s.bookings.filter((b) => !b.cancelledAt).length;

async function loadTrainers(trx: Transaction<Database>, ids: number[]): Promise<PlanTrainer[]> {
	const rows: PlanTrainer[] = [];
	for (let i = 0; i < ids.length; i += batchSize)
		rows.push(
			...(await trx
				.selectFrom('users')
				.select(['id', 'organisationId'])
				.where('id', 'in', ids.slice(i, i + batchSize))
				.execute())
		);
	return rows.sort((a, b) => a.id - b.id);
}

async function loadEnrolledClasses(trx: Transaction<Database>, editionId: number): Promise<Map<number, PlanClass[]>> {
	const rows = await trx
		.selectFrom('classes')
		.select(['id', 'campusId', 'pupilCount', 'language'])
		.where('editionId', '=', editionId)
		.where('status', '=', 'enrolled')
		.orderBy('id')
		.execute();
	const byCampus = new Map<number, PlanClass[]>();
	for (const r of rows) {
		const list = byCampus.get(r.campusId) ?? [];
		list.push({ id: r.id, pupilCount: r.pupilCount, language: r.language });
		byCampus.set(r.campusId, list);
	}
	return byCampus;
}

async function insertCoordinator(trx: Transaction<Database>, input: Input, now: DbTime): Promise<number> {
	const email = `coordinator@${input.emailDomain}`;
	const r = await trx
		.insertInto('users')
		.values({
			email,
			emailKey: emailKey(email),
			displayName: 'Coördinator Vlaanderen',
			passwordHash: input.passwordHash,
			locale: 'nl',
			disabled: 0,
			emailConfirmedAt: now,
			organisationId: null,
			lastLoginAt: null,
			createdAt: now,
			updatedAt: now
		})
		.executeTakeFirstOrThrow();
	const id = Number(r.insertId);
	await trx.insertInto('userRoles').values({ userId: id, role: 'coordinator', createdAt: now }).execute();
	return id;
}

/** The row as the services would have left it: counter, sequence (one per change) and report on the slot. */
function slotRow(s: PlannedSlot, editionId: number, coordinatorId: number): Insertable<WorkshopSlotsTable> {
	const gone = s.bookings.filter((b) => b.cancelledAt).length;
	const report = s.report;
	const times = [s.plannedAt, ...s.bookings.map((b) => b.cancelledAt ?? b.bookedAt), s.cancelled?.at, report?.at].filter((d): d is Date => !!d);
	return {
		editionId,
		campusId: s.campusId,
		localDate: s.localDate,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		room: s.room,
		language: s.classes[0].language,
		trainersNeeded: s.trainersNeeded,
		trainersBooked: active(s),
		maxPupils: s.maxPupils,
		organisationId: s.organisationId,
		trainerNote: s.trainerNote,
		status: s.cancelled ? 'cancelled' : 'scheduled',
		cancelledAt: s.cancelled ? toDbTime(s.cancelled.at) : null,
		cancelReason: s.cancelled?.reason ?? null,
		// Setting the classes, each booking taken, each one given back, the cancellation.
		sequence: 1 + active(s) + 2 * gone + (s.cancelled ? 1 : 0),
		outcome: report?.outcome ?? null,
		pupilsPresent: report?.outcome === 'given' ? report.pupilsPresent : null,
		durationMinutes: report?.outcome === 'given' ? report.durationMinutes : null,
		reportNote: null,
		notGivenReason: report?.outcome === 'not_given' ? report.notGivenReason : null,
		reportedAt: report ? toDbTime(report.at) : null,
		reportedBy: report ? s.bookings.find((b) => !b.cancelledAt)!.trainerId : null,
		createdBy: coordinatorId,
		createdAt: toDbTime(s.plannedAt),
		updatedAt: toDbTime(new Date(Math.max(...times.map((d) => d.getTime()))))
	};
}

const bookingRow = (b: PlannedSlot['bookings'][number], slotId: number) => ({
	slotId,
	trainerId: b.trainerId,
	active: b.cancelledAt ? null : (1 as const),
	bookedAt: toDbTime(b.bookedAt),
	bookedBy: b.trainerId,
	cancelledAt: b.cancelledAt ? toDbTime(b.cancelledAt) : null,
	cancelledBy: b.cancelledAt ? b.trainerId : null,
	cancelReason: b.reason ?? null
});
