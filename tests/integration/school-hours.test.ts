import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyEdition, updateEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import { editionDetail } from '../../src/lib/server/campaigns/edition-pages.service';
import { defaultSchoolHoursText } from '../../src/lib/calendar/school-hours';
import { enrolClass, updateClassDetails } from '../../src/lib/server/enrolments/enrolment.service';
import { DomainError } from '../../src/lib/server/errors';
import { messageOf } from '../../src/lib/server/http/forms';
import { createSlot, createSlotsBulk, updateSlot } from '../../src/lib/server/workshops/slots/slot-admin.service';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime';
import { editionSchema } from '../../src/lib/schemas/edition';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { aClass } from './support/enrolment-fixtures';
import { blockDay, expectRefused, slotAt, slotAudit, slotRow, workshopWorld, type WorkshopWorld } from './support/workshop-fixtures';

// In May 2027: Monday 10, Wednesday 12, Thursday 13, Saturday 15; Ascension Day is Thursday 6 May.
const monday = '2027-05-10';
const wednesday = '2027-05-12';
const saturday = '2027-05-15';
const ascension = '2027-05-06';

/** What the user reads for a refusal, in their language. */
async function refusal(action: () => Promise<unknown>, locale: 'nl' | 'en' = 'nl') {
	const err = await action().then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(DomainError);
	overwriteGetLocale(() => locale);
	return { key: (err as DomainError).messageKey, field: (err as DomainError).field, text: messageOf(err as DomainError) };
}

describeEachDatabase('school hours', (dialect) => {
	const ctx = useDatabase(dialect);
	let w: WorkshopWorld;

	beforeEach(async () => {
		w = await workshopWorld(ctx.db, { schoolHours: defaultSchoolHoursText });
	});
	afterEach(() => overwriteGetLocale(() => 'nl'));

	const slot = (localDate: string, start: string, end: string, reason?: string) =>
		createSlot(ctx.db, w.coordinator, w.editionId, slotAt(w.centrum.campusId, localDate, start, end, { hoursExceptionReason: reason ?? null }));
	const series = (localDate: string, firstStart: string, count: number, reason?: string) => {
		const { startTime: _s, endTime: _e, ...settings } = slotAt(w.centrum.campusId, localDate, firstStart, firstStart, { hoursExceptionReason: reason ?? null });
		return createSlotsBulk(ctx.db, w.coordinator, w.editionId, { ...settings, firstStart, count, durationMinutes: 50, gapMinutes: 10 });
	};

	describe('slots', () => {
		it('accepts a slot within the hours, to the minute, and keeps no exception for it', async () => {
			const ids = [await slot(monday, '08:30', '09:20'), await slot(monday, '15:10', '16:00'), await slot(wednesday, '11:10', '12:00', 'Niet nodig')];
			expect((await Promise.all(ids.map((id) => slotRow(ctx.db, id)))).map((r) => r.hoursExceptionReason)).toEqual([null, null, null]);
			expect(await slotAudit(ctx.db, ids[2])).toEqual(['workshop.slot_created']);
		});

		it('refuses a Wednesday afternoon and a Saturday, saying which day and which hours, and writes nothing', async () => {
			await expectRefused(ctx.db, () => slot(wednesday, '13:15', '14:05'), 'hours_error_slot_outside', { day: wednesday, from: '08:30', until: '12:00' });
			await expectRefused(ctx.db, () => slot(saturday, '10:00', '10:50'), 'hours_error_slot_closed', { day: saturday });
			expect(await refusal(() => slot(wednesday, '13:15', '14:05'))).toEqual({
				key: 'hours_error_slot_outside',
				field: 'startTime',
				text: 'Op woensdag 12 mei 2027 kunnen workshops enkel van 08:30 tot 12:00 (de schooluren van deze editie). Kies een tijd binnen die uren, of vink de uitzondering aan en geef de reden op.'
			});
			expect(await refusal(() => slot(saturday, '10:00', '10:50'), 'en')).toMatchObject({
				field: 'localDate',
				text: 'This edition has no workshops on Saturday, 15 May 2027: that day is outside the school hours. Choose another day, or tick the exception and give the reason.'
			});
			await expectRefused(ctx.db, () => slot(monday, '08:00', '08:50'), 'hours_error_slot_outside', { from: '08:30', until: '16:00' });
		});

		it('allows a slot outside the hours with a reason: kept on the slot and in its own audit entry', async () => {
			const id = await slot(saturday, '10:00', '10:50', 'Schoolfeest op zaterdag, afgesproken met de directie');
			expect((await slotRow(ctx.db, id)).hoursExceptionReason).toBe('Schoolfeest op zaterdag, afgesproken met de directie');
			expect(await slotAudit(ctx.db, id)).toEqual(['workshop.slot_created', 'workshop.slot_hours_exception']);
			const entry = await ctx.db
				.selectFrom('auditLog')
				.select(['actorUserId', 'afterJson'])
				.where('action', '=', 'workshop.slot_hours_exception')
				.executeTakeFirstOrThrow();
			expect(entry.actorUserId).toBe(w.coordinator.id);
			expect(JSON.parse(entry.afterJson!)).toMatchObject({ reason: 'Schoolfeest op zaterdag, afgesproken met de directie', localDate: saturday });
		});

		it('refuses a series that runs into Wednesday afternoon, all or nothing, unless the exception is given', async () => {
			await expectRefused(ctx.db, () => series(wednesday, '10:00', 3), 'hours_error_slot_outside', { from: '08:30', until: '12:00' });
			expect((await refusal(() => series(wednesday, '10:00', 3))).field).toBe('firstStart');
			const ids = await series(wednesday, '10:00', 3, 'Projectdag van de school');
			// 10:00, 11:00 fit; only 12:00–12:50 needed the exception.
			expect((await Promise.all(ids.map((id) => slotRow(ctx.db, id)))).map((r) => r.hoursExceptionReason)).toEqual([null, null, 'Projectdag van de school']);
			expect(await series(monday, '08:30', 4)).toHaveLength(4);
		});

		it('re-checks an edit: moving a slot to Wednesday afternoon is refused, with the exception it is saved and audited', async () => {
			const id = await slot(monday, '10:00', '10:50');
			const moved = slotAt(w.centrum.campusId, wednesday, '13:15', '14:05');
			await expectRefused(ctx.db, () => updateSlot(ctx.db, w.coordinator, id, moved), 'hours_error_slot_outside', { day: wednesday });
			expect((await slotRow(ctx.db, id)).localDate).toBe(monday);
			await updateSlot(ctx.db, w.coordinator, id, { ...moved, hoursExceptionReason: 'Enige vrije moment van de klas' });
			expect(await slotRow(ctx.db, id)).toMatchObject({ localDate: wednesday, hoursExceptionReason: 'Enige vrije moment van de klas' });
			expect(await slotAudit(ctx.db, id)).toEqual(['workshop.slot_created', 'workshop.slot_updated', 'workshop.slot_hours_exception']);
			// Back within the hours, the exception goes.
			await updateSlot(
				ctx.db,
				w.coordinator,
				id,
				slotAt(w.centrum.campusId, wednesday, '09:00', '09:50', { hoursExceptionReason: 'Enige vrije moment van de klas' })
			);
			expect((await slotRow(ctx.db, id)).hoursExceptionReason).toBeNull();
		});
	});

	describe('an edition with other hours', () => {
		/** The edition form as the coordinator saves it, with the hours of some weekdays changed. */
		const saveHours = async (hours: Record<string, string>) => {
			const detail = (await editionDetail(ctx.db, w.editionId))!;
			return updateEdition(ctx.db, w.coordinator, w.editionId, editionSchema.parse({ ...detail.values, grades: detail.grades, ...hours }));
		};

		it('shows the default week in the form, and applies what the coordinator saves', async () => {
			expect((await editionDetail(ctx.db, w.editionId))!.values).toMatchObject({
				hoursWedFrom: '08:30',
				hoursWedUntil: '12:00',
				hoursSatFrom: '',
				hoursSatUntil: ''
			});
			await saveHours({ hoursWedUntil: '15:00', hoursSatFrom: '09:00', hoursSatUntil: '12:00', hoursFriUntil: '', hoursFriFrom: '' });
			const edition = await ctx.db.selectFrom('editions').select('schoolHours').where('id', '=', w.editionId).executeTakeFirstOrThrow();
			expect(edition.schoolHours).toBe('08:30-16:00,08:30-16:00,08:30-15:00,08:30-16:00,,09:00-12:00,');
			await slot(wednesday, '13:15', '14:05');
			await slot(saturday, '10:00', '10:50');
			await expectRefused(ctx.db, () => slot('2027-05-14', '10:00', '10:50'), 'hours_error_slot_closed', { day: '2027-05-14' });
			const updated = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'edition.updated').executeTakeFirstOrThrow();
			expect(JSON.parse(updated.afterJson!)).toEqual({ schoolHours: '08:30-16:00,08:30-16:00,08:30-15:00,08:30-16:00,,09:00-12:00,' });
		});

		it('refuses hours that make no sense, field by field, and a week without any', async () => {
			const detail = (await editionDetail(ctx.db, w.editionId))!;
			const errorsOf = (hours: Record<string, string>) => {
				const bad = editionSchema.safeParse({ ...detail.values, grades: detail.grades, ...hours });
				return Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
			};
			expect(errorsOf({ hoursMonUntil: '', hoursTueFrom: '14:00', hoursTueUntil: '10:00' })).toEqual({
				hoursMonUntil: 'Vul voor deze dag een begin- én een einduur in, of laat beide leeg.',
				hoursTueUntil: 'Het einduur moet na het beginuur liggen.'
			});
			expect(errorsOf({ hoursWedFrom: 'half negen' })).toEqual({ hoursWedFrom: 'Vul een uur in, bijvoorbeeld 08:30.' });
			const closed = Object.fromEntries(
				Object.keys(detail.values)
					.filter((k) => k.startsWith('hours'))
					.map((k) => [k, ''])
			);
			expect(errorsOf(closed)).toEqual({ hoursMonFrom: 'Geef minstens één dag met schooluren op: anders kan er geen enkele workshop plaatsvinden.' });
		});

		it('is copied with "new edition from the previous one"', async () => {
			await saveHours({ hoursWedUntil: '12:30' });
			const copy = await copyEdition(ctx.db, w.coordinator, w.editionId);
			const row = await ctx.db.selectFrom('editions').select('schoolHours').where('id', '=', copy.id).executeTakeFirstOrThrow();
			expect(row.schoolHours).toBe('08:30-16:00,08:30-16:00,08:30-12:30,08:30-16:00,08:30-16:00,,');
		});
	});

	describe("a teacher's preferred half-days", () => {
		const enrolWith = (days: { localDate: string; part: 'am' | 'pm' }[], locale = 'nl') =>
			enrolClass(
				ctx.db,
				w.centrum.teacher,
				aClass(w.editionId, w.centrum.campusId, '6C', { preferredHalfDays: days.map((d, i) => ({ ...d, field: `pref${i + 1}Date` })) }),
				locale
			);
		const classCount = async () =>
			Number(
				(
					await ctx.db
						.selectFrom('classes')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);

		it('refuses a blocked day, naming it, and writes nothing', async () => {
			await blockDay(ctx.db, w.editionId, ascension, null as unknown as string, 'public_holiday');
			const before = await classCount();
			expect(
				await refusal(() =>
					enrolWith([
						{ localDate: monday, part: 'am' },
						{ localDate: ascension, part: 'am' }
					])
				)
			).toEqual({
				key: 'hours_error_pref_blocked',
				field: 'pref2Date',
				text: 'Op donderdag 6 mei 2027 kunnen geen workshops plaatsvinden (O.L.H.-Hemelvaart). Kies een andere dag.'
			});
			expect((await refusal(() => enrolWith([{ localDate: ascension, part: 'pm' }], 'en'), 'en')).text).toBe(
				'No workshops can take place on Thursday, 6 May 2027 (Ascension Day). Choose another day.'
			);
			await blockDay(ctx.db, w.editionId, '2027-05-20', 'Pedagogische studiedag');
			expect((await refusal(() => enrolWith([{ localDate: '2027-05-20', part: 'am' }]))).text).toContain('(Pedagogische studiedag)');
			expect(await classCount()).toBe(before);
		});

		it('refuses a Saturday and a Wednesday afternoon, and takes a Wednesday morning', async () => {
			expect(await refusal(() => enrolWith([{ localDate: saturday, part: 'am' }]))).toEqual({
				key: 'hours_error_pref_closed',
				field: 'pref1Date',
				text: 'Op zaterdag 15 mei 2027 worden geen workshops gegeven: die dag valt buiten de schooluren. Kies een schooldag.'
			});
			expect(await refusal(() => enrolWith([{ localDate: wednesday, part: 'pm' }]))).toEqual({
				key: 'hours_error_pref_pm',
				field: 'pref1Part',
				text: 'Op woensdag 12 mei 2027 kunnen workshops enkel van 08:30 tot 12:00: in de namiddag kan het niet. Kies de voormiddag of een andere dag.'
			});
			const { classId } = await enrolWith([
				{ localDate: wednesday, part: 'am' },
				{ localDate: monday, part: 'pm' }
			]);
			const days = await ctx.db
				.selectFrom('classPreferredHalfDays')
				.select(['localDate', 'part'])
				.where('classId', '=', classId)
				.orderBy('localDate')
				.execute();
			expect(days).toEqual([
				{ localDate: monday, part: 'pm' },
				{ localDate: wednesday, part: 'am' }
			]);
		});

		it('checks a changed class too', async () => {
			const { classId } = await enrolWith([]);
			const change = aClass(w.editionId, w.centrum.campusId, '6C', { preferredHalfDays: [{ localDate: saturday, part: 'pm', field: 'pref1Date' }] });
			expect((await refusal(() => updateClassDetails(ctx.db, w.centrum.teacher, classId, change))).key).toBe('hours_error_pref_closed');
		});
	});
});
