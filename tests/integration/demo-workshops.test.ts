import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedLarge } from '../../db/seeds/large';
import type { Actor } from '../../src/lib/server/auth/actor';
import { emailKey } from '../../src/lib/server/db/keys';
import type { Database } from '../../src/lib/server/db/schema';
import { clock, days, fromDbTime, toDbTime } from '../../src/lib/server/db/time';
import { bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { overlaps, trainerConflict } from '../../src/lib/server/workshops/slots/slot-rules';
import { belgianHolidaysBetween } from '../../src/lib/time/belgian-holidays';
import { brusselsDateOf } from '../../src/lib/time/brussels';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { count } from './support/fixtures';

const today = '2026-11-26T10:00:00Z';

async function seedOn(db: Kysely<Database>, at: string) {
	freezeClock(at);
	await seedDemo(db, { today: new Date(at) });
}

const edition = (db: Kysely<Database>, name: string) => db.selectFrom('editions').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

async function actor(db: Kysely<Database>, email: string): Promise<Actor> {
	const user = await db.selectFrom('users').select(['id', 'displayName']).where('emailKey', '=', emailKey(email)).executeTakeFirstOrThrow();
	const roles = await db.selectFrom('userRoles').select('role').where('userId', '=', user.id).execute();
	return { ...user, roles: roles.map((r) => r.role) };
}

/** What trainer@ sees as open: scheduled, still to come, not full, offered to Wel Jong or to all, not theirs. */
async function openForRobin(db: Kysely<Database>, editionId: number) {
	const robin = await actor(db, 'trainer@example.org');
	const welJong = await db.selectFrom('organisations').select('id').where('name', '=', 'Wel Jong').executeTakeFirstOrThrow();
	const slots = await db
		.selectFrom('workshopSlots')
		.select(['id', 'localDate', 'startsAt'])
		.where('editionId', '=', editionId)
		.where('status', '=', 'scheduled')
		.where('startsAt', '>', toDbTime(clock.now()))
		.whereRef('trainersBooked', '<', 'trainersNeeded')
		.where((eb) => eb.or([eb('organisationId', 'is', null), eb('organisationId', '=', welJong.id)]))
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('slotTrainers')
						.select('slotId')
						.whereRef('slotTrainers.slotId', '=', 'workshopSlots.id')
						.where('trainerId', '=', robin.id)
						.where('active', '=', 1)
				)
			)
		)
		.orderBy('startsAt')
		.execute();
	return { robin, slots };
}

/** Every planning rule of issue 5, checked on what the seed wrote. */
async function expectNoRuleBroken(db: Kysely<Database>) {
	const slots = await db
		.selectFrom('workshopSlots')
		.innerJoin('editions', 'editions.id', 'workshopSlots.editionId')
		.selectAll('workshopSlots')
		.select(['travelBufferMinutes', 'maxWorkshopsPerTrainerDay', 'workshopStartsOn', 'workshopEndsOn'])
		.execute();
	const bookings = await db.selectFrom('slotTrainers').select(['slotId', 'trainerId']).where('active', '=', 1).execute();
	const classes = await db
		.selectFrom('slotClasses')
		.innerJoin('classes', 'classes.id', 'slotClasses.classId')
		.select(['slotId', 'classId', 'campusId', 'editionId', 'pupilCount', 'status'])
		.execute();
	const blocked = await db.selectFrom('blockedDays').select(['editionId', 'localDate']).execute();
	for (const s of slots) {
		const booked = bookings.filter((b) => b.slotId === s.id).length;
		expect([s.trainersBooked, booked <= s.trainersNeeded], `slot ${s.id} trainers`).toEqual([booked, true]);
		const own = classes.filter((c) => c.slotId === s.id);
		expect(
			own.every((c) => c.campusId === s.campusId && c.editionId === s.editionId && c.status === 'enrolled'),
			`slot ${s.id} classes`
		).toBe(true);
		if (s.maxPupils !== null) expect(own.reduce((n, c) => n + c.pupilCount, 0)).toBeLessThanOrEqual(s.maxPupils);
		expect(
			s.localDate >= s.workshopStartsOn && s.localDate <= s.workshopEndsOn && brusselsDateOf(fromDbTime(s.startsAt)) === s.localDate,
			`slot ${s.id} day`
		).toBe(true);
		if (s.status === 'scheduled')
			expect(
				blocked.some((b) => b.editionId === s.editionId && b.localDate === s.localDate),
				`slot ${s.id} on a blocked day`
			).toBe(false);
	}
	const scheduled = slots.filter((s) => s.status === 'scheduled');
	for (const trainerId of new Set(bookings.map((b) => b.trainerId))) {
		const theirs = scheduled.filter((s) => bookings.some((b) => b.slotId === s.id && b.trainerId === trainerId));
		for (const s of theirs) expect(trainerConflict(s, theirs, s), `trainer ${trainerId} at slot ${s.id}`).toBeNull();
	}
	for (const classId of new Set(classes.map((c) => c.classId))) {
		const theirs = scheduled.filter((s) => classes.some((c) => c.slotId === s.id && c.classId === classId));
		expect(
			theirs.some((a) => theirs.some((b) => a.id !== b.id && overlaps(a, b))),
			`class ${classId} twice at once`
		).toBe(false);
	}
	// The same, in SQL: no trainer booked on two scheduled slots that overlap.
	const clashes = await db
		.selectFrom('slotTrainers as a')
		.innerJoin('workshopSlots as sa', 'sa.id', 'a.slotId')
		.innerJoin('slotTrainers as b', (j) => j.onRef('b.trainerId', '=', 'a.trainerId').onRef('b.slotId', '>', 'a.slotId'))
		.innerJoin('workshopSlots as sb', 'sb.id', 'b.slotId')
		.select(['a.trainerId', 'a.slotId', 'b.slotId as other'])
		.where('a.active', '=', 1)
		.where('b.active', '=', 1)
		.where('sa.status', '=', 'scheduled')
		.where('sb.status', '=', 'scheduled')
		.whereRef('sa.startsAt', '<', 'sb.endsAt')
		.whereRef('sb.startsAt', '<', 'sa.endsAt')
		.execute();
	expect(clashes).toEqual([]);
}

describeEachDatabase('demo workshops', (dialect) => {
	const ctx = useDatabase(dialect);

	it('leaves trainer@example.org at least four open slots, at least ten days ahead, that they can book one after the other', async () => {
		await seedOn(ctx.db, today);
		const upcoming = await edition(ctx.db, 'PAARS 2027');
		const { robin, slots } = await openForRobin(ctx.db, upcoming.id);
		expect(slots.length).toBeGreaterThanOrEqual(4);
		expect(slots.every((s) => fromDbTime(s.startsAt).getTime() >= new Date(today).getTime() + days(10) - days(1))).toBe(true);
		for (const s of slots) await bookSlot(ctx.db, robin, s.id);
		expect((await openForRobin(ctx.db, upcoming.id)).slots).toEqual([]);
		await expectNoRuleBroken(ctx.db);
	});

	it('shows teacher@example.org a trainer on a class, and gives trainer@example.org two workshops of their own to come', async () => {
		await seedOn(ctx.db, today);
		const upcoming = await edition(ctx.db, 'PAARS 2027');
		const rows = await ctx.db
			.selectFrom('slotClasses')
			.innerJoin('classes', 'classes.id', 'slotClasses.classId')
			.innerJoin('users as teacher', 'teacher.id', 'classes.enrolledBy')
			.innerJoin('workshopSlots', 'workshopSlots.id', 'slotClasses.slotId')
			.innerJoin('slotTrainers', 'slotTrainers.slotId', 'workshopSlots.id')
			.innerJoin('users as trainer', 'trainer.id', 'slotTrainers.trainerId')
			.select(['classes.name', 'trainer.email', 'workshopSlots.startsAt', 'workshopSlots.editionId'])
			.where('teacher.email', '=', 'teacher@example.org')
			.where('slotTrainers.active', '=', 1)
			.where('workshopSlots.status', '=', 'scheduled')
			.where('workshopSlots.outcome', 'is', null)
			.execute();
		expect(rows.map((r) => [r.name, r.email, r.editionId])).toContainEqual(['1A', 'trainer@example.org', upcoming.id]);
		const robin = await actor(ctx.db, 'trainer@example.org');
		const own = await ctx.db
			.selectFrom('slotTrainers')
			.innerJoin('workshopSlots', 'workshopSlots.id', 'slotTrainers.slotId')
			.select('workshopSlots.id')
			.where('trainerId', '=', robin.id)
			.where('active', '=', 1)
			.where('status', '=', 'scheduled')
			.where('startsAt', '>', toDbTime(new Date(today)))
			.execute();
		expect(own).toHaveLength(2);
		// The teacher heard about it: the booking mailed them.
		const mails = await ctx.db
			.selectFrom('mailOutbox')
			.select('paramsJson')
			.where('recipient', '=', 'teacher@example.org')
			.where('template', '=', 'workshop')
			.execute();
		expect(mails.map((m) => JSON.parse(m.paramsJson).event)).toContain('teacher_trainer_found');
	});

	it('has given and reported workshops, one for a class of teacher@example.org, one the school called off, and one cancelled slot', async () => {
		await seedOn(ctx.db, today);
		const archived = await edition(ctx.db, 'PAARS 2026');
		const reported = await ctx.db
			.selectFrom('workshopSlots')
			.leftJoin('slotClasses', 'slotClasses.slotId', 'workshopSlots.id')
			.leftJoin('classes', 'classes.id', 'slotClasses.classId')
			.leftJoin('users', 'users.id', 'classes.enrolledBy')
			.select([
				'workshopSlots.id',
				'workshopSlots.editionId',
				'outcome',
				'notGivenReason',
				'pupilsPresent',
				'durationMinutes',
				'reportedAt',
				'reportedBy',
				'startsAt',
				'users.email as teacher'
			])
			.where('outcome', 'is not', null)
			.execute();
		const given = reported.filter((r) => r.outcome === 'given' && r.editionId === archived.id);
		expect(new Set(given.map((r) => r.id)).size).toBeGreaterThanOrEqual(4);
		expect(given.some((r) => r.teacher === 'teacher@example.org')).toBe(true);
		expect(given.every((r) => r.pupilsPresent! > 0 && r.durationMinutes! >= 50 && r.reportedAt! > r.startsAt && r.reportedBy !== null)).toBe(true);
		expect(reported.filter((r) => r.outcome === 'not_given').map((r) => r.notGivenReason)).toEqual(['cancelled_by_school']);
		// The upcoming edition's workshop period has begun: one of its workshops is already reported.
		expect(reported.some((r) => r.editionId !== archived.id && r.outcome === 'given')).toBe(true);
		const cancelled = await ctx.db.selectFrom('workshopSlots').select(['cancelReason', 'cancelledAt']).where('status', '=', 'cancelled').execute();
		expect(cancelled).toHaveLength(1);
		expect(cancelled[0].cancelReason).toMatch(/uitstap/);
	});

	it('blocks the public holidays of both workshop periods and one study day, and puts no workshop on a blocked day', async () => {
		await seedOn(ctx.db, today);
		for (const name of ['PAARS 2027', 'PAARS 2026']) {
			const e = await edition(ctx.db, name);
			const rows = await ctx.db.selectFrom('blockedDays').select(['localDate', 'kind', 'label']).where('editionId', '=', e.id).execute();
			const holidays = belgianHolidaysBetween(e.workshopStartsOn, e.workshopEndsOn).map((h) => h.date);
			expect(holidays.length).toBeGreaterThan(0);
			expect(
				rows
					.filter((r) => r.kind === 'public_holiday')
					.map((r) => r.localDate)
					.sort()
			).toEqual([...new Set(holidays)].sort());
		}
		const study = await ctx.db
			.selectFrom('blockedDays')
			.innerJoin('editions', 'editions.id', 'blockedDays.editionId')
			.select(['name', 'localDate', 'label'])
			.where('kind', '=', 'study_day')
			.execute();
		expect(study.map((s) => [s.name, s.label])).toEqual([['PAARS 2027', 'Pedagogische studiedag']]);
		await expectNoRuleBroken(ctx.db);
	});

	it.each(['2027-01-04T08:00:00Z', '2027-04-12T08:00:00Z', '2027-05-17T08:00:00Z', '2027-05-18T08:00:00Z', '2027-08-02T10:00:00Z'])(
		'seeded on %s, breaks no rule and still leaves trainer@example.org four open slots',
		async (at) => {
			await seedOn(ctx.db, at);
			const year = Number(at.slice(0, 4)) + (at.slice(5, 10) > '05-17' ? 1 : 0);
			const upcoming = await edition(ctx.db, `PAARS ${year}`);
			expect((await openForRobin(ctx.db, upcoming.id)).slots.length).toBeGreaterThanOrEqual(4);
			expect(await ctx.db.selectFrom('workshopSlots').select('id').where('outcome', '=', 'given').where('editionId', '=', upcoming.id).execute()).toHaveLength(
				1
			);
			await expectNoRuleBroken(ctx.db);
		}
	);

	it('lands at the demo campuses also when the scale data set, with its own "Campus Centrum"s, was loaded first', async () => {
		freezeClock(today);
		await seedLarge(ctx.db, {
			today: new Date(today),
			schools: 20,
			campuses: 50,
			classes: 200,
			teachers: 5,
			trainers: 5,
			workshops: 0,
			waiting: 2,
			withdrawn: 2
		});
		await seedOn(ctx.db, today);
		const schools = await ctx.db
			.selectFrom('workshopSlots')
			.innerJoin('campuses', 'campuses.id', 'workshopSlots.campusId')
			.innerJoin('schools', 'schools.id', 'campuses.schoolId')
			.select('schools.name')
			.distinct()
			.execute();
		expect(schools.map((s) => s.name).sort()).toEqual(['Atheneum Leiestad', 'Basisschool De Regenboog', 'Sint-Maartenscollege', 'Vrije Basisschool Bellegem']);
		await expectNoRuleBroken(ctx.db);
	});

	it('is idempotent: a second run, also on a later day, adds no slot, booking, blocked day, mail or audit entry', async () => {
		const tables = ['workshopSlots', 'slotTrainers', 'slotClasses', 'blockedDays', 'mailOutbox', 'auditLog'] as const;
		const snapshot = async () => ({
			counts: await Promise.all(tables.map((t) => count(ctx.db, t))),
			slots: await ctx.db.selectFrom('workshopSlots').select(['id', 'sequence', 'updatedAt', 'status', 'outcome']).orderBy('id').execute()
		});
		await seedOn(ctx.db, today);
		const first = await snapshot();
		expect(first.counts.every((n) => n > 0)).toBe(true);
		await seedOn(ctx.db, today);
		await seedOn(ctx.db, '2026-12-10T10:00:00Z');
		expect(await snapshot()).toEqual(first);
	});
});
