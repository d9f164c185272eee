import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Database, EditionsTable, Role } from '../../src/lib/server/db/schema';
import { emailKey, textKey } from '../../src/lib/server/db/keys';
import { clock, days, hours, toDbTime } from '../../src/lib/server/db/time';
import { addBlockedDays, prefillHolidays } from '../../src/lib/server/workshops/slots/blocked-days.service';
import { assignTrainer, bookSlot } from '../../src/lib/server/workshops/trainers/booking.service';
import { reportWorkshop } from '../../src/lib/server/workshops/trainers/report.service';
import { cancelSlot, createSlot, setSlotClasses } from '../../src/lib/server/workshops/slots/slot-admin.service';
import type { SlotInput } from '../../src/lib/server/workshops/slots/slot-input';
import * as slots from '../../src/lib/server/workshops/slots/slot.repository';
import { belgianHolidaysBetween } from '../../src/lib/time/belgian-holidays';
import { brusselsDateOf, brusselsToUtc } from '../../src/lib/time/brussels';
import { campaign, schools as demoSchools, users as demoUsers } from './demo-data';
import { archivedDays, futureSlotDays, futureWindow, pastDays, slotDays, studyDay } from './demo-workshop-days';
import { archivedSlots, upcomingPastSlots, upcomingSlots, type DemoSlot } from './demo-workshop-plan';
import { nextIdahotYear } from './idahot';

/**
 * Workshops for the demo: blocked days, slots, bookings, classes and reports in
 * the upcoming edition and last year's. The upcoming edition is written through
 * the workshop services, with the clock set to the moment each step would have
 * happened, so audit log, outbox and calendars tell one story (and every rule is
 * checked). The archived edition cannot be planned any more by design: its slots
 * are written through the repository and only reported through the service.
 * Idempotent: an edition that has slots (or blocked days) is left alone.
 */
type Edition = Selectable<EditionsTable>;

interface Context {
	coordinator: Actor;
	people: Map<string, Actor>;
	orgs: Map<string, number>;
	campuses: Map<string, number>;
}

export async function seedDemoWorkshops(db: Kysely<Database>, opts: { today: Date }): Promise<void> {
	const year = nextIdahotYear(opts.today);
	const [upcoming, previous] = [await findEdition(db, year), await findEdition(db, year - 1)];
	const ctx = await loadContext(db);
	if (!upcoming || !ctx) return;
	await clock.frozenAt(opts.today, async () => {
		await seedUpcomingBlockedDays(db, ctx, upcoming, opts.today);
		await seedUpcomingSlots(db, ctx, upcoming, opts.today);
		if (previous) await seedArchived(db, ctx, previous, opts.today);
	});
}

const findEdition = (db: Kysely<Database>, year: number) =>
	db
		.selectFrom('editions')
		.innerJoin('campaigns', 'campaigns.id', 'editions.campaignId')
		.selectAll('editions')
		.where('campaigns.nameKey', '=', textKey(campaign.name))
		.where('editions.year', '=', year)
		.executeTakeFirst();

async function loadContext(db: Kysely<Database>): Promise<Context | null> {
	const users = await db
		.selectFrom('users')
		.select(['id', 'email', 'displayName'])
		.where(
			'emailKey',
			'in',
			demoUsers.map((u) => emailKey(u.email))
		)
		.execute();
	if (!users.length) return null;
	const roles = await db
		.selectFrom('userRoles')
		.select(['userId', 'role'])
		.where(
			'userId',
			'in',
			users.map((u) => u.id)
		)
		.execute();
	const people = new Map<string, Actor>(
		users.map((u) => [
			u.email.toLowerCase(),
			{ id: u.id, displayName: u.displayName, roles: roles.filter((r) => r.userId === u.id).map((r) => r.role as Role) }
		])
	);
	const coordinator = people.get('coordinator@example.org');
	if (!coordinator?.roles.includes('coordinator')) return null;
	const orgs = new Map((await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [o.name, o.id]));
	// By school too: the scale data set has its own "Campus Centrum"s.
	const campusRows = await db
		.selectFrom('campuses')
		.innerJoin('schools', 'schools.id', 'campuses.schoolId')
		.select(['campuses.id', 'campuses.nameKey'])
		.where(
			'schools.instellingsnummer',
			'in',
			demoSchools.map((s) => s.instellingsnummer)
		)
		.execute();
	const campuses = new Map(campusRows.map((c) => [c.nameKey, c.id]));
	return { coordinator, people, orgs, campuses };
}

const hasRows = async (db: Kysely<Database>, table: 'workshopSlots' | 'blockedDays', editionId: number) =>
	!!(await db.selectFrom(table).select('editionId').where('editionId', '=', editionId).limit(1).executeTakeFirst());

const blockedDates = async (db: Kysely<Database>, editionId: number) =>
	new Set((await db.selectFrom('blockedDays').select('localDate').where('editionId', '=', editionId).execute()).map((r) => r.localDate));

/**
 * The upcoming edition's public holidays, its school holidays from today on (the
 * given workshops sit on the last free days before today, in the summer when the
 * seed runs then), and one study day among the workshop days.
 */
async function seedUpcomingBlockedDays(db: Kysely<Database>, ctx: Context, edition: Edition, today: Date) {
	if (edition.status === 'archived' || (await hasRows(db, 'blockedDays', edition.id))) return;
	await prefillHolidays(db, ctx.coordinator, edition.id, { schoolHolidaysFrom: brusselsDateOf(today) });
	const window = futureWindow(brusselsDateOf(today), edition.year, edition.workshopEndsOn, await blockedDates(db, edition.id));
	const day = studyDay(window);
	if (day) await addBlockedDays(db, ctx.coordinator, edition.id, { from: day, to: day, kind: 'study_day', label: 'Pedagogische studiedag' });
}

function slotInput(ctx: Context, localDate: string, plan: DemoSlot): SlotInput {
	const campusId = ctx.campuses.get(textKey(plan.campus));
	if (!campusId) throw new Error(`demo campus ${plan.campus} is missing`);
	return {
		campusId,
		localDate,
		startTime: plan.from,
		endTime: plan.to,
		room: plan.room,
		language: plan.english ? 'en' : 'nl',
		trainersNeeded: plan.trainers ?? 1,
		maxPupils: plan.max,
		organisationId: plan.org ? ctx.orgs.get(plan.org)! : null,
		trainerNote: plan.note ?? null
	};
}

async function classIdsOf(db: Kysely<Database>, editionId: number, campusId: number, names: string[]): Promise<number[]> {
	if (!names.length) return [];
	const rows = await db
		.selectFrom('classes')
		.select('id')
		.where('editionId', '=', editionId)
		.where('campusId', '=', campusId)
		.where('nameKey', 'in', names.map(textKey))
		.where('status', '=', 'enrolled')
		.execute();
	if (rows.length !== names.length) throw new Error(`demo classes ${names.join(', ')} are missing`);
	return rows.map((r) => r.id);
}

const person = (ctx: Context, email: string) => {
	const actor = ctx.people.get(email);
	if (!actor) throw new Error(`demo account ${email} is missing`);
	return actor;
};

/** The open, booked, cancelled and given workshops of the upcoming edition. */
async function seedUpcomingSlots(db: Kysely<Database>, ctx: Context, edition: Edition, today: Date) {
	// Trainers book only in a published edition; a coordinator may since have changed the demo's.
	if (edition.status !== 'published' || (await hasRows(db, 'workshopSlots', edition.id))) return;
	const blocked = await blockedDates(db, edition.id);
	const todayLocal = brusselsDateOf(today);
	const future = slotDays(futureWindow(todayLocal, edition.year, edition.workshopEndsOn, blocked));
	// Only an edition from an older seed can lack the days; a fresh demo always has them.
	if (future.length >= futureSlotDays) for (const plan of upcomingSlots) await planSlot(db, ctx, edition.id, future[plan.day], plan, today);
	const past = pastDays(todayLocal, edition.workshopStartsOn, blocked);
	for (const plan of upcomingPastSlots) if (past[plan.day]) await planSlot(db, ctx, edition.id, past[plan.day], plan, today);
}

/**
 * One slot as the coordinator and trainers would have made it: planned two weeks
 * before it starts (or today, whichever is earlier), then cancelled today or
 * reported two hours after it ended.
 */
async function planSlot(db: Kysely<Database>, ctx: Context, editionId: number, localDate: string, plan: DemoSlot, today: Date) {
	const input = slotInput(ctx, localDate, plan);
	const startsAt = brusselsToUtc(localDate, plan.from);
	const plannedAt = new Date(Math.min(today.getTime(), startsAt.getTime() - days(14)));
	const slotId = await clock.frozenAt(plannedAt, async () => {
		const id = await createSlot(db, ctx.coordinator, editionId, input);
		const classIds = await classIdsOf(db, editionId, input.campusId, plan.classes);
		if (classIds.length) await setSlotClasses(db, ctx.coordinator, id, classIds);
		for (const email of plan.booked ?? []) {
			if (plan.assigned) await assignTrainer(db, ctx.coordinator, id, person(ctx, email).id);
			else await bookSlot(db, person(ctx, email), id);
		}
		return id;
	});
	if (plan.cancel) await cancelSlot(db, ctx.coordinator, slotId, plan.cancel);
	await report(db, ctx, slotId, localDate, plan, today);
}

async function report(db: Kysely<Database>, ctx: Context, slotId: number, localDate: string, plan: DemoSlot, today: Date) {
	if (!plan.report || !plan.booked?.length) return;
	const reportedAt = new Date(Math.min(today.getTime(), brusselsToUtc(localDate, plan.to).getTime() + hours(2)));
	await clock.frozenAt(reportedAt, () => reportWorkshop(db, person(ctx, plan.booked![0]), slotId, plan.report!));
}

/**
 * Last year's edition: its public holidays, and workshops in May, booked and
 * reported. Archived editions refuse planning, so rows go in directly.
 */
async function seedArchived(db: Kysely<Database>, ctx: Context, edition: Edition, today: Date) {
	if (!(await hasRows(db, 'blockedDays', edition.id))) {
		const holidays = [...new Set(belgianHolidaysBetween(edition.workshopStartsOn, edition.workshopEndsOn).map((h) => h.date))];
		if (holidays.length)
			await db
				.insertInto('blockedDays')
				.values(holidays.map((localDate) => ({ editionId: edition.id, localDate, kind: 'public_holiday' as const, label: null })))
				.execute();
	}
	if (await hasRows(db, 'workshopSlots', edition.id)) return;
	const may = archivedDays(edition.year, await blockedDates(db, edition.id));
	const placed: [number, string, DemoSlot][] = [];
	await db.transaction().execute(async (trx) => {
		for (const plan of archivedSlots) placed.push([await insertHistoricSlot(trx, ctx, edition.id, may[plan.day], plan), may[plan.day], plan]);
	});
	for (const [slotId, localDate, plan] of placed) await report(db, ctx, slotId, localDate, plan, today);
}

async function insertHistoricSlot(trx: Transaction<Database>, ctx: Context, editionId: number, localDate: string, plan: DemoSlot): Promise<number> {
	const { startTime, endTime, ...input } = slotInput(ctx, localDate, plan);
	const startsAt = brusselsToUtc(localDate, startTime);
	const plannedAt = toDbTime(new Date(startsAt.getTime() - days(30)));
	const id = await slots.insertSlot(trx, {
		editionId,
		...input,
		startsAt: toDbTime(startsAt),
		endsAt: toDbTime(brusselsToUtc(localDate, endTime)),
		status: 'scheduled',
		createdBy: ctx.coordinator.id,
		createdAt: plannedAt,
		updatedAt: plannedAt
	});
	await slots.replaceSlotClasses(trx, id, await classIdsOf(trx, editionId, input.campusId, plan.classes));
	for (const email of plan.booked ?? []) {
		const trainer = person(ctx, email);
		const bookedAt = toDbTime(new Date(startsAt.getTime() - days(21)));
		if (!(await slots.takeTrainerPlace(trx, id, bookedAt))) throw new Error('demo slot over its trainers');
		await slots.insertBooking(trx, { slotId: id, trainerId: trainer.id, bookedBy: trainer.id, now: bookedAt });
	}
	return id;
}
