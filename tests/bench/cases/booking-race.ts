import type { Kysely } from 'kysely';
import type { Database } from '../../../src/lib/server/db/schema';
import { nowDb, toDbTime } from '../../../src/lib/server/db/time';
import { collides, type TimedSlot } from '../../../src/lib/server/workshops/slots/slot-rules';
import type { BenchContext } from '../context';
import { formPostHeaders, logIn } from '../http';
import { runLoad, unexpected } from '../load';

/**
 * The booking race: trainers of one organisation all booking the same open
 * workshop slots of one day at once, through the real "I will give this one"
 * form. Two connections per trainer, each going through the slots in its own
 * order, so a trainer also races themselves on slots that overlap. Afterwards:
 * no slot over its number of trainers (and its counter equal to its bookings),
 * no trainer in two colliding workshops (travel buffer included) or over the
 * daily maximum, and one booking per accepted post.
 */
const trainersInRace = 25;
const connectionsPerTrainer = 2;
const slotsInRace = 12;

export interface RacePlan {
	slotIds: number[];
	trainerEmails: string[];
}

/** The day with the most open slots (nobody booked yet, a week or more ahead) that one organisation's trainers may all take. */
export async function prepareBookingRace(db: Kysely<Database>, editionId: number): Promise<RacePlan> {
	const organisation = await db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirstOrThrow();
	const open = db
		.selectFrom('workshopSlots')
		.where('editionId', '=', editionId)
		.where('status', '=', 'scheduled')
		.where('trainersBooked', '=', 0)
		.where('startsAt', '>', toDbTime(new Date(Date.now() + 7 * 86_400_000)))
		.where((eb) => eb.or([eb('organisationId', 'is', null), eb('organisationId', '=', organisation.id)]));
	const day = await open
		.select(['localDate', (eb) => eb.fn.countAll().as('n')])
		.groupBy('localDate')
		.orderBy('n', 'desc')
		.orderBy('localDate')
		.executeTakeFirst();
	if (!day) throw new Error('the data set has no open workshop slots a week ahead');
	const slots = await open.select('id').where('localDate', '=', day.localDate).orderBy('id').limit(slotsInRace).execute();
	const trainers = await db
		.selectFrom('users')
		.innerJoin('userRoles', 'userRoles.userId', 'users.id')
		.select('users.email')
		.where('userRoles.role', '=', 'trainer')
		.where('users.organisationId', '=', organisation.id)
		.where('users.disabled', '=', 0)
		.where('users.email', 'like', 'trainer-%')
		.orderBy('users.id')
		.limit(trainersInRace)
		.execute();
	return { slotIds: slots.map((s) => s.id), trainerEmails: trainers.map((t) => t.email) };
}

export async function bookingRace(ctx: BenchContext, plan: RacePlan, password: string): Promise<void> {
	const name = 'booking race (trainers booking the same workshop slots at once)';
	const cookies = await Promise.all(plan.trainerEmails.map((email) => logIn(ctx.server.origin, email, password)));
	const connections = cookies.length * connectionsPerTrainer;
	const since = nowDb();
	let clients = 0;
	const path = '/trainer/workshops/open?/book';
	const r = await runLoad({
		url: `${ctx.server.origin}${path}`,
		connections,
		// Each connection offers for every slot once.
		amount: connections * plan.slotIds.length,
		method: 'POST',
		timeoutSeconds: 60,
		setupClient: (client) => {
			const index = clients++;
			// Every connection its own order: rotated by its index, reversed for the second connection of a trainer.
			const order = plan.slotIds.map((_, k) => plan.slotIds[(k + index) % plan.slotIds.length]);
			if (index >= cookies.length) order.reverse();
			let n = 0;
			client.setRequests([
				{
					method: 'POST',
					path,
					headers: { cookie: cookies[index % cookies.length], ...formPostHeaders(ctx.server.origin) },
					setupRequest: (req) => ({ ...req, body: `slotId=${order[n++ % order.length]}` })
				}
			]);
		}
	});
	const accepted = r.statuses['303'] ?? 0;
	const check = await checkBookingInvariants(ctx.db.handle.db, plan, since, accepted);
	const refusals = unexpected(r, 303);
	const note = `${cookies.length} trainers × ${connectionsPerTrainer} connections, ${plan.slotIds.length} slots of one day; ${accepted} booked${refusals ? `, refused: ${refusals}` : ''}`;
	ctx.record({ case: name, metric: 'throughput', value: r.requestsPerSecond, unit: 'req/s', note });
	ctx.record({ case: name, metric: 'latency p99', value: r.p99, unit: 'ms' });
	ctx.record({
		case: name,
		metric: 'invariants broken',
		value: check.length,
		unit: '',
		target: '0',
		met: check.length === 0,
		note: check.join('; ') || 'trainers per slot, no colliding workshops, daily maximum and one booking per accepted post hold'
	});
}

export async function checkBookingInvariants(db: Kysely<Database>, plan: RacePlan, since: string, accepted: number): Promise<string[]> {
	const violations: string[] = [];
	const raceSlots = await db
		.selectFrom('workshopSlots')
		.select(['id', 'editionId', 'trainersNeeded', 'trainersBooked'])
		.where('id', 'in', plan.slotIds)
		.execute();
	const edition = await db
		.selectFrom('editions')
		.select(['travelBufferMinutes', 'maxWorkshopsPerTrainerDay'])
		.where('id', '=', raceSlots[0].editionId)
		.executeTakeFirstOrThrow();
	const bookings = await db
		.selectFrom('slotTrainers')
		.select(['slotId', 'trainerId', 'bookedAt'])
		.where('slotId', 'in', plan.slotIds)
		.where('active', '=', 1)
		.execute();
	for (const s of raceSlots) {
		const n = bookings.filter((b) => b.slotId === s.id).length;
		if (n > s.trainersNeeded) violations.push(`slot ${s.id} has ${n} trainers for ${s.trainersNeeded} places`);
		if (n !== s.trainersBooked) violations.push(`slot ${s.id} counts ${s.trainersBooked} trainers but has ${n} bookings`);
	}
	const newBookings = bookings.filter((b) => b.bookedAt >= since).length;
	if (newBookings !== accepted) violations.push(`${accepted} bookings were accepted but ${newBookings} were made`);
	const race = new Set(plan.slotIds);
	for (const trainerId of new Set(bookings.map((b) => b.trainerId))) {
		const given: TimedSlot[] = await db
			.selectFrom('slotTrainers')
			.innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId')
			.select(['workshopSlots.id', 'workshopSlots.campusId', 'workshopSlots.localDate', 'workshopSlots.startsAt', 'workshopSlots.endsAt'])
			.where('slotTrainers.trainerId', '=', trainerId)
			.where('slotTrainers.active', '=', 1)
			.where('workshopSlots.status', '=', 'scheduled')
			.execute();
		for (const a of given.filter((s) => race.has(s.id))) {
			const clash = given.find((b) => b.id !== a.id && collides(a, b, edition.travelBufferMinutes));
			if (clash) violations.push(`trainer ${trainerId} gives slots ${a.id} and ${clash.id}, which collide`);
			const sameDay = given.filter((b) => b.localDate === a.localDate).length;
			if (sameDay > edition.maxWorkshopsPerTrainerDay)
				violations.push(`trainer ${trainerId} gives ${sameDay} workshops on ${a.localDate}, over the maximum of ${edition.maxWorkshopsPerTrainerDay}`);
		}
	}
	return [...new Set(violations)];
}
