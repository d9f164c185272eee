import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/auth/actor';
import { emailKey } from '../../src/lib/server/db/keys';
import type { Database } from '../../src/lib/server/db/schema';
import { nowDb } from '../../src/lib/server/db/time';
import { parseSlotFilter } from '../../src/lib/schemas/slot-filter';
import { bookSlot } from '../../src/lib/server/workshops/booking.service';
import { buildFeedCalendar } from '../../src/lib/server/workshops/calendar-ics';
import { planningPage } from '../../src/lib/server/workshops/planning.service';
import { slotListPage, slotWeekPage } from '../../src/lib/server/workshops/slot-list.service';
import { myToReport, myWorkshopsPage, openSlotsPage, type TrainerUser } from '../../src/lib/server/workshops/trainer-views.service';
import { addDays } from '../../src/lib/time/brussels';
import { mondayOf } from '../../src/lib/time/week';
import type { Scenario } from './scenarios';

/**
 * The workshop pages of issue 5 on the Flanders edition's 20,000 slots
 * (db/seeds/large-workshops.ts), through the services the pages call. The people
 * and places are the busiest ones of the data set: the campus with most slots,
 * the week with most slots, the trainer with most bookings.
 */
const slotQuery = (raw: Record<string, string>) => parseSlotFilter(new URLSearchParams(raw));
const size = (ics: unknown) => `${Math.round(String(ics).length / 1024)} kB, ${String(ics).split('BEGIN:VEVENT').length - 1} events`;
const trainerOf = (id: number, organisationId: number | null): TrainerUser => ({ id, displayName: 'bench trainer', roles: ['trainer'], organisationId });

export async function workshopScenarios(db: Kysely<Database>, editionId: number): Promise<Scenario[]> {
	const f = await fixtures(db, editionId);
	const coordinator: Actor = { id: f.coordinatorId, displayName: 'bench', roles: ['coordinator'] };
	const trainer = trainerOf(f.busiest.id, f.busiest.organisationId);
	const list = (name: string, raw: Record<string, string>): Scenario => ({ name, run: (d) => slotListPage(d, coordinator, editionId, slotQuery(raw)) });
	return [
		list('slots: first page', {}),
		list('slots: one campus', { campus: String(f.campusId) }),
		list('slots: needs trainers', { needs: '1' }),
		list('slots: unreported', { unreported: '1' }),
		{ name: 'slots: week view, busiest week', run: (d) => slotWeekPage(d, coordinator, editionId, slotQuery({ view: 'week', week: f.busyMonday })) },
		{ name: 'planning: first page', run: (d) => planningPage(d, coordinator, editionId, { page: 1, all: false }) },
		{ name: 'trainer: open slots, first page', run: (d) => openSlotsPage(d, trainer, {}, null) },
		{ name: 'trainer: open slots, a week in Dutch', run: (d) => openSlotsPage(d, trainer, { from: f.busyMonday, to: addDays(f.busyMonday, 4), language: 'nl' }, null) },
		{ name: 'trainer: my workshops', run: (d) => Promise.all([myToReport(d, trainer), myWorkshopsPage(d, trainer, { page: 1, limit: 25, offset: 0 })]) },
		{ name: 'feed: a trainer’s calendar', run: (d) => buildFeedCalendar(d, { userId: trainer.id, editionId: null, locale: 'nl' }), note: size },
		{ name: 'feed: the edition’s calendar', run: (d) => buildFeedCalendar(d, { userId: coordinator.id, editionId, locale: 'nl' }), note: size },
		{ name: 'booking: bookSlot', run: (d) => bookSlot(d, trainerOf(f.booker.id, f.booker.organisationId), f.toBook.shift()!) }
	];
}

async function fixtures(db: Kysely<Database>, editionId: number) {
	const coordinator = await db.selectFrom('users').select('id').where('emailKey', '=', emailKey('coordinator@schaal.example.org')).executeTakeFirstOrThrow();
	const campus = await db.selectFrom('workshopSlots').select(['campusId', sql<number>`count(*)`.as('n')]).where('editionId', '=', editionId).groupBy('campusId').orderBy('n', 'desc').orderBy('campusId').limit(1).executeTakeFirstOrThrow();
	const perDay = await db.selectFrom('workshopSlots').select(['localDate', sql<number>`count(*)`.as('n')]).where('editionId', '=', editionId).groupBy('localDate').execute();
	const perWeek = new Map<string, number>();
	for (const d of perDay) perWeek.set(mondayOf(d.localDate), (perWeek.get(mondayOf(d.localDate)) ?? 0) + Number(d.n));
	const busyMonday = [...perWeek].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
	const trainers = await db
		.selectFrom('slotTrainers')
		.innerJoin('users', 'users.id', 'slotTrainers.trainerId')
		.select(['users.id', 'users.organisationId', sql<number>`count(*)`.as('n')])
		.where('slotTrainers.active', '=', 1)
		.groupBy(['users.id', 'users.organisationId'])
		.orderBy('n', 'desc')
		.orderBy('users.id')
		.execute();
	const booker = trainers.at(-1)!;
	return { coordinatorId: coordinator.id, campusId: campus.campusId, busyMonday, busiest: trainers[0], booker, toBook: await bookable(db, editionId, booker) };
}

/**
 * Open slots offered to the booking trainer, each on a day they give nothing
 * else, one per day: every run of the booking scenario books the next one and
 * none is refused by a rule.
 */
async function bookable(db: Kysely<Database>, editionId: number, trainer: { id: number; organisationId: number | null }): Promise<number[]> {
	const busy = await db.selectFrom('slotTrainers').innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId').select('workshopSlots.localDate').where('slotTrainers.trainerId', '=', trainer.id).execute();
	const taken = new Set(busy.map((b) => b.localDate));
	const open = await db
		.selectFrom('workshopSlots')
		.select(['id', 'localDate'])
		.where('editionId', '=', editionId)
		.where('status', '=', 'scheduled')
		.where('startsAt', '>', nowDb())
		.whereRef('trainersBooked', '<', 'trainersNeeded')
		.where((eb) => eb.or([eb('organisationId', 'is', null), eb('organisationId', '=', trainer.organisationId)]))
		.orderBy('startsAt')
		.orderBy('id')
		.execute();
	const ids: number[] = [];
	for (const s of open) if (!taken.has(s.localDate) && taken.add(s.localDate)) ids.push(s.id);
	return ids;
}
