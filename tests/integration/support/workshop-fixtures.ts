import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Actor } from '../../../src/lib/server/auth/actor';
import type { BlockedDayKind, Database, Locale } from '../../../src/lib/server/db/schema';
import { enrolClass } from '../../../src/lib/server/enrolments/enrolment.service';
import { createSlot } from '../../../src/lib/server/workshops/slots/slot-admin.service';
import type { SlotInput } from '../../../src/lib/server/workshops/slots/slot-input';
import { aClass, createEdition } from './enrolment-fixtures';
import { count, createCampus, createOrganisation, createUser } from './fixtures';

/**
 * Workshop worlds for the integration tests. Editions are inserted directly
 * (not through createEdition's service), so no public holidays are blocked
 * unless a test blocks a day itself, and the workshop period and rules are
 * whatever the test needs.
 */
export interface WorkshopEditionOptions {
	from?: string;
	to?: string;
	status?: 'draft' | 'published' | 'archived';
	year?: number;
	travelBufferMinutes?: number;
	maxWorkshopsPerTrainerDay?: number;
	cancellationDeadlineDays?: number;
	/** The edition's school hours (stored form); default: all day, every day. */
	schoolHours?: string;
}

/** Default period: 20 April – 7 June 2027 (Ascension 6 May and Whit Monday 17 May fall inside: tests avoid them). */
export async function workshopEdition(db: Kysely<Database>, opts: WorkshopEditionOptions = {}): Promise<number> {
	const id = await createEdition(db, { status: opts.status, year: opts.year, schoolHours: opts.schoolHours });
	const rules = Object.fromEntries(
		(['travelBufferMinutes', 'maxWorkshopsPerTrainerDay', 'cancellationDeadlineDays'] as const).filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]])
	);
	await db
		.updateTable('editions')
		.set({ workshopStartsOn: opts.from ?? '2027-04-20', workshopEndsOn: opts.to ?? '2027-06-07', ...rules })
		.where('id', '=', id)
		.execute();
	return id;
}

export async function setEditionRules(
	db: Kysely<Database>,
	editionId: number,
	rules: Pick<WorkshopEditionOptions, 'travelBufferMinutes' | 'maxWorkshopsPerTrainerDay' | 'cancellationDeadlineDays'>
) {
	await db.updateTable('editions').set(rules).where('id', '=', editionId).execute();
}

export async function createCoordinator(db: Kysely<Database>, email: string, name: string): Promise<Actor> {
	const id = await createUser(db, { email, roles: ['coordinator'], name });
	return { id, displayName: name, roles: ['coordinator'] };
}

export type TrainerActor = Actor & { email: string };

/** A user with the trainer role in an organisation, optionally its planner. */
export async function createTrainer(
	db: Kysely<Database>,
	opts: { email: string; organisationId: number | null; name?: string; locale?: Locale; planner?: boolean }
): Promise<TrainerActor> {
	const name = opts.name ?? 'Anna Peeters';
	const id = await createUser(db, { email: opts.email, roles: ['trainer'], name, locale: opts.locale, organisationId: opts.organisationId ?? undefined });
	if (opts.planner) await db.updateTable('users').set({ planner: 1 }).where('id', '=', id).execute();
	return { id, displayName: name, roles: ['trainer'], email: opts.email };
}

/** `n` trainers of one organisation: trainer0@…, trainer1@… */
export const createTrainers = async (db: Kysely<Database>, n: number, organisationId: number) => {
	const trainers: TrainerActor[] = [];
	for (let i = 0; i < n; i++) trainers.push(await createTrainer(db, { email: `trainer${i}@weljong.be`, organisationId, name: `Trainer ${i}` }));
	return trainers;
};

export interface CampusWithClasses {
	campusId: number;
	teacher: Actor & { email: string };
	classIds: number[];
}

/** A campus, its teacher, and that teacher's enrolled classes (enrolled through the enrolment service). */
export async function campusWithClasses(
	db: Kysely<Database>,
	editionId: number,
	opts: { name: string; teacherEmail: string; teacherLocale?: Locale; classes: { name: string; pupils: number }[] }
): Promise<CampusWithClasses> {
	const campus = await createCampus(db, { name: opts.name, levels: ['lager', 'secundair'] });
	const teacherName = opts.teacherEmail.split('@')[0];
	const id = await createUser(db, { email: opts.teacherEmail, roles: ['teacher'], campusId: campus.id, name: teacherName, locale: opts.teacherLocale });
	const teacher = { id, displayName: teacherName, roles: ['teacher' as const], email: opts.teacherEmail };
	const classIds = await enrolClasses(db, teacher, editionId, campus.id, opts.classes);
	return { campusId: campus.id, teacher, classIds };
}

export async function enrolClasses(db: Kysely<Database>, teacher: Actor, editionId: number, campusId: number, classes: { name: string; pupils: number }[]) {
	const ids: number[] = [];
	for (const c of classes) ids.push((await enrolClass(db, teacher, aClass(editionId, campusId, c.name, { pupilCount: c.pupils }))).classId);
	return ids;
}

/** The input of a slot; one trainer, no pupil maximum, offered to all unless `extra` says otherwise. */
export const slotAt = (campusId: number, localDate: string, startTime: string, endTime: string, extra: Partial<SlotInput> = {}): SlotInput => ({
	campusId,
	localDate,
	startTime,
	endTime,
	room: 'Lokaal 12',
	language: 'nl',
	trainersNeeded: 1,
	maxPupils: null,
	organisationId: null,
	trainerNote: null,
	...extra
});

export const addSlot = (db: Kysely<Database>, coordinator: Actor, editionId: number, ...args: Parameters<typeof slotAt>) =>
	createSlot(db, coordinator, editionId, slotAt(...args));

export async function blockDay(
	db: Kysely<Database>,
	editionId: number,
	localDate: string,
	label = 'Pedagogische studiedag',
	kind: BlockedDayKind = 'study_day'
) {
	await db.insertInto('blockedDays').values({ editionId, localDate, kind, label }).execute();
}

/**
 * The standard world: a coordinator, a published edition, two organisations, two
 * campuses of two classes each (the Noord teacher reads English), two trainers of
 * Wel Jong (Ben reads English) and one of çavaria.
 */
export async function workshopWorld(db: Kysely<Database>, opts: WorkshopEditionOptions = {}) {
	const coordinator = await createCoordinator(db, 'griet@stad.be', 'Griet');
	const editionId = await workshopEdition(db, opts);
	const welJong = await createOrganisation(db, 'Wel Jong');
	const cavaria = await createOrganisation(db, 'çavaria');
	const centrum = await campusWithClasses(db, editionId, {
		name: 'Campus Centrum',
		teacherEmail: 'lies@school.be',
		classes: [
			{ name: '5A', pupils: 22 },
			{ name: '5B', pupils: 20 }
		]
	});
	const noord = await campusWithClasses(db, editionId, {
		name: 'Campus Noord',
		teacherEmail: 'tom@school.be',
		teacherLocale: 'en',
		classes: [
			{ name: '6A', pupils: 18 },
			{ name: '6B', pupils: 19 }
		]
	});
	const anna = await createTrainer(db, { email: 'anna@weljong.be', organisationId: welJong, name: 'Anna Peeters' });
	const ben = await createTrainer(db, { email: 'ben@weljong.be', organisationId: welJong, name: 'Ben Claes', locale: 'en' });
	const chris = await createTrainer(db, { email: 'chris@cavaria.be', organisationId: cavaria, name: 'Chris Wouters' });
	return { coordinator, editionId, welJong, cavaria, centrum, noord, anna, ben, chris };
}

export type WorkshopWorld = Awaited<ReturnType<typeof workshopWorld>>;

export const slotRow = (db: Kysely<Database>, id: number) => db.selectFrom('workshopSlots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Active bookings of a slot, by trainer id. */
export const bookedTrainers = async (db: Kysely<Database>, slotId: number) =>
	(await db.selectFrom('slotTrainers').select('trainerId').where('slotId', '=', slotId).where('active', '=', 1).orderBy('trainerId').execute()).map(
		(r) => r.trainerId
	);

export const slotClassIds = async (db: Kysely<Database>, slotId: number) =>
	(await db.selectFrom('slotClasses').select('classId').where('slotId', '=', slotId).orderBy('classId').execute()).map((r) => r.classId);

/** The audit actions written about a slot, oldest first. */
export const slotAudit = async (db: Kysely<Database>, slotId: number) =>
	(
		await db.selectFrom('auditLog').select('action').where('entityType', '=', 'workshop_slot').where('entityId', '=', String(slotId)).orderBy('id').execute()
	).map((r) => r.action);

/** Workshop mails queued for one address, oldest first, with the event they announce. */
export async function workshopMails(db: Kysely<Database>, recipient: string) {
	const rows = await db
		.selectFrom('mailOutbox')
		.select(['recipient', 'template', 'locale', 'subject', 'paramsJson'])
		.where('recipient', '=', recipient)
		.where('template', '=', 'workshop')
		.orderBy('id')
		.execute();
	return rows.map((r) => {
		const params = JSON.parse(r.paramsJson) as { event: string; trainer: string; classes: string; reason: string };
		return {
			template: r.template,
			locale: r.locale,
			subject: r.subject,
			event: params.event,
			trainer: params.trainer,
			classes: params.classes,
			reason: params.reason
		};
	});
}

/** Everything a refused workshop action must leave untouched: row counts and every slot's state. */
async function workshopState(db: Kysely<Database>) {
	const counts = {
		workshopSlots: await count(db, 'workshopSlots'),
		slotTrainers: await count(db, 'slotTrainers'),
		slotClasses: await count(db, 'slotClasses'),
		auditLog: await count(db, 'auditLog'),
		mailOutbox: await count(db, 'mailOutbox')
	};
	const slots = await db.selectFrom('workshopSlots').selectAll().orderBy('id').execute();
	const bookings = await db.selectFrom('slotTrainers').select(['id', 'active', 'cancelledAt']).orderBy('id').execute();
	return { counts, slots, bookings };
}

/** Asserts that `action` is refused with `messageKey` and wrote nothing at all. */
export async function expectRefused(db: Kysely<Database>, action: () => Promise<unknown>, messageKey: string, params?: Record<string, unknown>) {
	const before = await workshopState(db);
	const err = await action().then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err, `expected refusal ${messageKey}`).toMatchObject({ messageKey });
	if (params) expect(err).toMatchObject({ params });
	expect(await workshopState(db)).toEqual(before);
}

/** messageKeys of the rejected results of a Promise.allSettled, for race assertions. */
export const rejectionKeys = (results: PromiseSettledResult<unknown>[]) =>
	results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason?.messageKey ?? String(r.reason));
