import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { copyEdition, createEdition as createEditionService, updateEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import { editionDetail } from '../../src/lib/server/campaigns/edition-pages.service';
import type { Database } from '../../src/lib/server/db/schema';
import { nowDb } from '../../src/lib/server/db/time';
import {
	addBlockedDays,
	blockedDaysPage,
	isBlockedDay,
	prefillHolidays,
	removeBlockedDay,
	removeBlockedKind
} from '../../src/lib/server/workshops/slots/blocked-days.service';
import { blockDaysSchema } from '../../src/lib/schemas/blocked-day';
import { editionSchema } from '../../src/lib/schemas/edition';
import { describeEachDatabase } from './support/databases';
import { freezeClock, useDatabase } from './support/context';
import { createCampus } from './support/fixtures';
import { coordinatorActor, createEdition, teacherAt } from './support/enrolment-fixtures';

const keyOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => `${e.messageKey}${e.field ? '@' + e.field : ''}`
	);

const days = (db: Kysely<Database>, editionId: number) =>
	db.selectFrom('blockedDays').select(['localDate', 'kind', 'label']).where('editionId', '=', editionId).orderBy('localDate').execute();

const auditActions = async (db: Kysely<Database>) => (await db.selectFrom('auditLog').select('action').orderBy('id').execute()).map((r) => r.action);

/** What a coordinator types in the add form, parsed by the page's schema. */
const block = (from: string, to = '', kind = 'study_day', label = '') => blockDaysSchema.parse({ from, to, kind, label });

/** The edition form of a new PAARS 2028 edition; the workshop rules left as the form offers them unless given. */
async function newEditionForm(db: Kysely<Database>, overrides: Record<string, unknown> = {}) {
	const now = nowDb();
	const r = await db
		.insertInto('campaigns')
		.values({ name: 'PAARS', nameKey: 'paars', descriptionNl: null, descriptionEn: null, createdAt: now, updatedAt: now })
		.executeTakeFirstOrThrow();
	return editionSchema.parse({
		campaignId: String(r.insertId),
		year: '2028',
		name: 'PAARS 2028',
		opensDate: '2027-11-15',
		closesDate: '2028-04-15',
		workshopStartsOn: '2028-04-10',
		workshopEndsOn: '2028-06-09',
		grades: ['L5', 'L6'],
		...overrides
	});
}

async function slotOn(db: Kysely<Database>, editionId: number, campusId: number, createdBy: number, localDate: string, status: 'scheduled' | 'cancelled') {
	const now = nowDb();
	await db
		.insertInto('workshopSlots')
		.values({
			editionId,
			campusId,
			localDate,
			startsAt: `${localDate} 07:00:00.000`,
			endsAt: `${localDate} 07:50:00.000`,
			room: null,
			language: 'nl',
			trainersNeeded: 1,
			maxPupils: null,
			organisationId: null,
			trainerNote: null,
			status,
			cancelledAt: status === 'cancelled' ? now : null,
			cancelReason: null,
			outcome: null,
			pupilsPresent: null,
			durationMinutes: null,
			reportNote: null,
			notGivenReason: null,
			reportedAt: null,
			reportedBy: null,
			createdBy,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

describeEachDatabase('blocked days', (dialect) => {
	const ctx = useDatabase(dialect);

	it('a new edition starts with the public holidays of its workshop period, Easter-based ones computed, and the default rules', async () => {
		freezeClock('2027-10-01T08:00:00Z');
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEditionService(ctx.db, coordinator, await newEditionForm(ctx.db));
		// Easter 2028 is 16 April: Easter Monday 17 April, Ascension 25 May, Whit Monday 5 June;
		// after 15 April, so the Easter holiday runs from 3 to 16 April (a week of it in the period).
		expect((await days(ctx.db, id)).filter((d) => d.kind === 'school_holiday')).toEqual(
			['2028-04-10', '2028-04-11', '2028-04-12', '2028-04-13', '2028-04-14', '2028-04-15', '2028-04-16'].map((localDate) => ({
				localDate,
				kind: 'school_holiday',
				label: null
			}))
		);
		expect((await days(ctx.db, id)).filter((d) => d.kind !== 'school_holiday')).toEqual([
			{ localDate: '2028-04-17', kind: 'public_holiday', label: null },
			{ localDate: '2028-05-01', kind: 'public_holiday', label: null },
			{ localDate: '2028-05-25', kind: 'public_holiday', label: null },
			{ localDate: '2028-06-05', kind: 'public_holiday', label: null }
		]);
		const page = await blockedDaysPage(ctx.db, coordinator, id);
		expect(page.days.filter((d) => d.holiday).map((d) => d.holiday)).toEqual(['easter_monday', 'labour_day', 'ascension', 'whit_monday']);
		expect(page.days[0]).toMatchObject({ date: '2028-04-10', label: null, holiday: null, schoolHoliday: 'easter' });
		const created = await ctx.db.selectFrom('auditLog').select(['action', 'afterJson']).executeTakeFirstOrThrow();
		expect([created.action, JSON.parse(created.afterJson!).publicHolidays, JSON.parse(created.afterJson!).schoolHolidays.length]).toEqual([
			'edition.created',
			['2028-04-17', '2028-05-01', '2028-05-25', '2028-06-05'],
			7
		]);
		expect((await editionDetail(ctx.db, id))!.values).toMatchObject({
			travelBufferMinutes: '30',
			maxWorkshopsPerTrainerDay: '4',
			cancellationDeadlineDays: '7'
		});
	});

	it('blocks a range one row per day, skips days already blocked and refuses a range with nothing new', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEdition(ctx.db);
		await addBlockedDays(ctx.db, coordinator, id, block('2027-05-12', '', 'study_day', 'Pedagogische studiedag'));
		expect(await addBlockedDays(ctx.db, coordinator, id, block('2027-05-10', '2027-05-14', 'exam', 'Examens'))).toEqual({ added: 4, skipped: 1 });
		expect(await days(ctx.db, id)).toEqual([
			{ localDate: '2027-05-10', kind: 'exam', label: 'Examens' },
			{ localDate: '2027-05-11', kind: 'exam', label: 'Examens' },
			{ localDate: '2027-05-12', kind: 'study_day', label: 'Pedagogische studiedag' },
			{ localDate: '2027-05-13', kind: 'exam', label: 'Examens' },
			{ localDate: '2027-05-14', kind: 'exam', label: 'Examens' }
		]);
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-05-12')))).toBe('bd_error_already_blocked@from');
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-05-11', '2027-05-13')))).toBe('bd_error_range_already_blocked@from');
		expect(await days(ctx.db, id)).toHaveLength(5);
		expect(await isBlockedDay(ctx.db, id, '2027-05-13')).toBe(true);
		expect(await isBlockedDay(ctx.db, id, '2027-05-15')).toBe(false);
		expect(await auditActions(ctx.db)).toEqual(['edition.blocked_days.added', 'edition.blocked_days.added']);
	});

	it('refuses days outside the workshop period, in archived editions and from anyone but a coordinator, writing nothing', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEdition(ctx.db); // workshops 2027-04-20 to 2027-06-07
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-04-19')))).toBe('bd_error_outside_period@from');
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-06-08')))).toBe('bd_error_outside_period@from');
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-04-15', '2027-04-25')))).toBe('bd_error_range_outside_period@from');
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, id, block('2027-06-01', '2027-06-10')))).toBe('bd_error_range_outside_period@to');
		const teacher = await teacherAt(ctx.db, 'lies@school.be');
		expect(await keyOf(addBlockedDays(ctx.db, teacher.actor, id, block('2027-05-12')))).toBe('error_forbidden');
		const archived = await createEdition(ctx.db, { year: 2026, status: 'archived' });
		expect(await keyOf(addBlockedDays(ctx.db, coordinator, archived, block('2027-05-12')))).toBe('bd_error_archived');
		expect(await keyOf(prefillHolidays(ctx.db, coordinator, archived))).toBe('bd_error_archived');
		expect(await ctx.db.selectFrom('blockedDays').selectAll().execute()).toEqual([]);
		expect(await auditActions(ctx.db)).toEqual([]);
	});

	it('refuses a range longer than 120 days or ending before it starts, with clear messages', () => {
		expect(blockDaysSchema.safeParse({ from: '2027-05-12', to: '2027-05-11', kind: 'exam' }).error?.issues[0].message).toBe(
			'De laatste dag moet op of na de eerste dag vallen.'
		);
		expect(blockDaysSchema.safeParse({ from: '2027-01-01', to: '2027-05-01', kind: 'exam' }).error?.issues[0].message).toBe(
			'Een reeks telt hoogstens 120 dagen. Voeg een langere periode in twee keer toe.'
		);
		expect(blockDaysSchema.safeParse({ from: '2027-01-01', to: '2027-04-30', kind: 'exam' }).success).toBe(true);
		expect(blockDaysSchema.safeParse({ from: '2027-02-30', kind: 'exam' }).error?.issues[0].message).toBe('Vul een geldige datum in.');
	});

	it('fills in missing public holidays, releases one day or a whole kind, each audited', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEdition(ctx.db);
		await addBlockedDays(ctx.db, coordinator, id, block('2027-05-06', '', 'other', 'Hemelvaart'));
		// 1 May and Whit Monday (17 May) are added; Ascension (6 May) was already blocked and keeps its label.
		expect(await prefillHolidays(ctx.db, coordinator, id)).toEqual({ publicHolidays: 2, schoolHolidays: 0 });
		expect(await prefillHolidays(ctx.db, coordinator, id)).toEqual({ publicHolidays: 0, schoolHolidays: 0 });
		expect((await days(ctx.db, id)).map((d) => `${d.localDate} ${d.kind}`)).toEqual([
			'2027-05-01 public_holiday',
			'2027-05-06 other',
			'2027-05-17 public_holiday'
		]);
		await removeBlockedDay(ctx.db, coordinator, id, '2027-05-06');
		expect(await keyOf(removeBlockedDay(ctx.db, coordinator, id, '2027-05-06'))).toBe('bd_error_not_blocked');
		expect(await removeBlockedKind(ctx.db, coordinator, id, 'public_holiday')).toBe(2);
		expect(await days(ctx.db, id)).toEqual([]);
		expect(await auditActions(ctx.db)).toEqual([
			'edition.blocked_days.added',
			'edition.blocked_days.prefilled',
			'edition.blocked_days.removed',
			'edition.blocked_days.kind_removed'
		]);
	});

	it('still blocks a day with scheduled slots, and the page counts them (cancelled ones not)', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await createEdition(ctx.db);
		const campus = await createCampus(ctx.db);
		await slotOn(ctx.db, id, campus.id, coordinator.id, '2027-05-12', 'scheduled');
		await slotOn(ctx.db, id, campus.id, coordinator.id, '2027-05-12', 'scheduled');
		await slotOn(ctx.db, id, campus.id, coordinator.id, '2027-05-12', 'cancelled');
		await slotOn(ctx.db, id, campus.id, coordinator.id, '2027-05-13', 'scheduled');
		await addBlockedDays(ctx.db, coordinator, id, block('2027-05-11', '2027-05-12', 'study_day'));
		const page = await blockedDaysPage(ctx.db, coordinator, id);
		expect(page.days.map((d) => [d.date, d.scheduledSlots])).toEqual([
			['2027-05-11', 0],
			['2027-05-12', 2]
		]);
	});

	it('a copied edition gets the rules, holidays recomputed for its own year and the other days one year on; no slots', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const source = await createEdition(ctx.db, { year: 2027 }); // workshops 2027-04-20 to 2027-06-07
		await ctx.db
			.updateTable('editions')
			.set({ travelBufferMinutes: 45, maxWorkshopsPerTrainerDay: 3, cancellationDeadlineDays: 10 })
			.where('id', '=', source)
			.execute();
		await prefillHolidays(ctx.db, coordinator, source); // 1 May, 6 May (Ascension), 17 May (Whit Monday)
		await addBlockedDays(ctx.db, coordinator, source, block('2027-04-20', '', 'school_holiday', 'Paasvakantie'));
		await addBlockedDays(ctx.db, coordinator, source, block('2027-05-12', '', 'study_day', 'Studiedag'));
		await addBlockedDays(ctx.db, coordinator, source, block('2027-06-04', '2027-06-07', 'exam', 'Examens'));
		await slotOn(ctx.db, source, (await createCampus(ctx.db)).id, coordinator.id, '2027-05-11', 'scheduled');
		const copy = await copyEdition(ctx.db, coordinator, source);
		// 2028: Ascension 25 May, Whit Monday 5 June (inside the exam week: the holiday wins).
		expect((await days(ctx.db, copy.id)).map((d) => `${d.localDate} ${d.kind} ${d.label ?? ''}`.trim())).toEqual([
			'2028-04-20 school_holiday Paasvakantie',
			'2028-05-01 public_holiday',
			'2028-05-12 study_day Studiedag',
			'2028-05-25 public_holiday',
			'2028-06-04 exam Examens',
			'2028-06-05 public_holiday',
			'2028-06-06 exam Examens',
			'2028-06-07 exam Examens'
		]);
		expect((await editionDetail(ctx.db, copy.id))!.values).toMatchObject({
			travelBufferMinutes: '45',
			maxWorkshopsPerTrainerDay: '3',
			cancellationDeadlineDays: '10'
		});
		expect(await ctx.db.selectFrom('workshopSlots').select('id').where('editionId', '=', copy.id).execute()).toEqual([]);
		const copied = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'edition.copied').executeTakeFirstOrThrow();
		expect(JSON.parse(copied.afterJson!)).toMatchObject({
			travelBufferMinutes: 45,
			maxWorkshopsPerTrainerDay: 3,
			cancellationDeadlineDays: 10,
			blockedDays: { publicHolidays: ['2028-05-01', '2028-05-25', '2028-06-05'] }
		});
		expect(JSON.parse(copied.afterJson!).blockedDays.shifted.map((d: { date: string }) => d.date)).toEqual([
			'2028-04-20',
			'2028-05-12',
			'2028-06-04',
			'2028-06-06',
			'2028-06-07'
		]);
	});

	it('validates the workshop rules of the edition form and audits their change', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const bad = editionSchema.safeParse({
			...(await formFields()),
			travelBufferMinutes: '241',
			maxWorkshopsPerTrainerDay: '0',
			cancellationDeadlineDays: 'zeven'
		});
		expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
			travelBufferMinutes: 'Vul een aantal minuten in van 0 tot 240.',
			maxWorkshopsPerTrainerDay: 'Vul een aantal workshops in van 1 tot 12.',
			cancellationDeadlineDays: 'Vul een aantal dagen in van 0 tot 60.'
		});
		const id = await createEditionService(
			ctx.db,
			coordinator,
			await newEditionForm(ctx.db, { travelBufferMinutes: '0', maxWorkshopsPerTrainerDay: '12', cancellationDeadlineDays: '60' })
		);
		expect((await editionDetail(ctx.db, id))!.values).toMatchObject({
			travelBufferMinutes: '0',
			maxWorkshopsPerTrainerDay: '12',
			cancellationDeadlineDays: '60'
		});
		const detail = (await editionDetail(ctx.db, id))!;
		await updateEdition(
			ctx.db,
			coordinator,
			id,
			editionSchema.parse({ ...detail.values, grades: detail.grades, travelBufferMinutes: '20', cancellationDeadlineDays: '' })
		);
		expect((await editionDetail(ctx.db, id))!.values).toMatchObject({
			travelBufferMinutes: '20',
			maxWorkshopsPerTrainerDay: '12',
			cancellationDeadlineDays: '7'
		});
		const updated = await ctx.db.selectFrom('auditLog').select(['beforeJson', 'afterJson']).where('action', '=', 'edition.updated').executeTakeFirstOrThrow();
		expect([JSON.parse(updated.beforeJson!), JSON.parse(updated.afterJson!)]).toEqual([
			{ travelBufferMinutes: 0, cancellationDeadlineDays: 60 },
			{ travelBufferMinutes: 20, cancellationDeadlineDays: 7 }
		]);
	});

	/** Valid edition form fields, for validation only (nothing is stored). */
	async function formFields() {
		return {
			campaignId: '1',
			year: '2028',
			name: 'PAARS 2028',
			opensDate: '2027-11-15',
			closesDate: '2028-04-15',
			workshopStartsOn: '2028-04-10',
			workshopEndsOn: '2028-06-09',
			grades: ['L5']
		};
	}
});
