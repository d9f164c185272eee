import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { copyEdition } from '../../src/lib/server/campaigns/edition-admin.service';
import type { Database } from '../../src/lib/server/db/schema';
import { parseBlockedDaysFile } from '../../src/lib/server/workshops/slots/blocked-days-import';
import {
	addBlockedDays,
	blockedDaysPage,
	importBlockedDays,
	prefillHolidays,
	removeBlockedDay,
	removeBlockedPeriod
} from '../../src/lib/server/workshops/slots/blocked-days.service';
import { blockDaysSchema } from '../../src/lib/schemas/blocked-day';
import { describeEachDatabase } from './support/databases';
import { useDatabase } from './support/context';
import { coordinatorActor, createEdition } from './support/enrolment-fixtures';

const days = (db: Kysely<Database>, editionId: number) =>
	db.selectFrom('blockedDays').select(['localDate', 'kind', 'label']).where('editionId', '=', editionId).orderBy('localDate').execute();

/** An edition whose workshops run through the school year 2025-2026, October to May. */
async function schoolYearEdition(db: Kysely<Database>) {
	const id = await createEdition(db, { year: 2026 });
	await db.updateTable('editions').set({ workshopStartsOn: '2025-10-01', workshopEndsOn: '2026-05-31' }).where('id', '=', id).execute();
	return id;
}

const range = (from: string, to: string) => {
	const out: string[] = [];
	for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
	return out;
};

describeEachDatabase('blocked days: the Flemish school holidays', (dialect) => {
	const ctx = useDatabase(dialect);

	it('fills in the school holidays beside the public holidays, named, once, around what the coordinator blocked', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await schoolYearEdition(ctx.db);
		await addBlockedDays(ctx.db, coordinator, id, blockDaysSchema.parse({ from: '2025-10-29', kind: 'study_day', label: 'Studiedag' }));

		// Public holidays of the period: 1 and 11 November, Christmas, New Year, Easter Monday (6 April,
		// inside the Easter holiday), 1 May, Ascension (14 May) and Whit Monday (25 May).
		// School days: autumn 27 Oct-2 Nov (6, less the study day: 5), Christmas 22 Dec-4 Jan (14 less 2
		// holidays), spring 16-22 Feb (7), Easter 6-19 April (14 less Easter Monday).
		expect(await prefillHolidays(ctx.db, coordinator, id)).toEqual({ publicHolidays: 8, schoolHolidays: 5 + 12 + 7 + 13 });
		expect(await prefillHolidays(ctx.db, coordinator, id)).toEqual({ publicHolidays: 0, schoolHolidays: 0 });

		const rows = await days(ctx.db, id);
		const school = rows.filter((r) => r.kind === 'school_holiday').map((r) => r.localDate);
		const holidays = new Set(['2025-11-01', '2025-12-25', '2026-01-01', '2026-04-06']);
		expect(school).toEqual(
			[
				...range('2025-10-27', '2025-11-02'),
				...range('2025-12-22', '2026-01-04'),
				...range('2026-02-16', '2026-02-22'),
				...range('2026-04-06', '2026-04-19')
			].filter((d) => d !== '2025-10-29' && !holidays.has(d))
		);
		expect(rows.find((r) => r.localDate === '2025-10-29')).toEqual({ localDate: '2025-10-29', kind: 'study_day', label: 'Studiedag' });
		expect(rows.every((r) => r.kind === 'study_day' || r.label === null)).toBe(true);

		// The page names each day in the reader's language from its date.
		const page = await blockedDaysPage(ctx.db, coordinator, id);
		const named = (date: string) => page.days.find((d) => d.date === date);
		expect([named('2025-10-27')?.schoolHoliday, named('2026-01-04')?.schoolHoliday, named('2026-02-16')?.schoolHoliday]).toEqual([
			'autumn',
			'christmas',
			'spring'
		]);
		expect([named('2026-04-06')?.holiday, named('2026-04-06')?.schoolHoliday, named('2026-04-07')?.schoolHoliday]).toEqual(['easter_monday', null, 'easter']);

		// A day released by hand stays released until the coordinator asks for the prefill again.
		await removeBlockedDay(ctx.db, coordinator, id, '2026-02-18');
		expect((await days(ctx.db, id)).some((r) => r.localDate === '2026-02-18')).toBe(false);
		expect(await prefillHolidays(ctx.db, coordinator, id)).toEqual({ publicHolidays: 0, schoolHolidays: 1 });

		const audits = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'edition.blocked_days.prefilled').orderBy('id').execute();
		expect(audits.map((a) => JSON.parse(a.afterJson!))).toEqual([
			expect.objectContaining({
				publicHolidays: ['2025-11-01', '2025-11-11', '2025-12-25', '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25']
			}),
			{ publicHolidays: [], schoolHolidays: ['2026-02-18'] }
		]);
	});

	it('the page folds the days into periods, and releasing a period releases its days of that kind only', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await schoolYearEdition(ctx.db);
		await prefillHolidays(ctx.db, coordinator, id);
		// The study day on the Wednesday of the autumn holiday replaces that holiday day.
		await removeBlockedDay(ctx.db, coordinator, id, '2025-10-29');
		await addBlockedDays(ctx.db, coordinator, id, blockDaysSchema.parse({ from: '2025-10-29', kind: 'study_day', label: 'Studiedag' }));
		const page = await blockedDaysPage(ctx.db, coordinator, id);
		const rows = page.periods.map((p) => `${p.from}..${p.to} ${p.days} ${p.kind} ${p.holiday ?? p.schoolHoliday ?? p.label} [${p.holidaysInside}]`);
		// Autumn: 27-28 Oct, the study day, then 30 Oct-2 Nov with All Saints folded in; Christmas is one line
		// with its two public holidays; the Easter holiday starts with Easter Monday.
		expect(rows.slice(0, 5)).toEqual([
			'2025-10-27..2025-10-28 2 school_holiday autumn []',
			'2025-10-29..2025-10-29 1 study_day Studiedag []',
			'2025-10-30..2025-11-02 4 school_holiday autumn [all_saints]',
			'2025-11-11..2025-11-11 1 public_holiday armistice []',
			'2025-12-22..2026-01-04 14 school_holiday christmas [christmas,new_year]'
		]);
		expect(rows).toContain('2026-02-16..2026-02-22 7 school_holiday spring []');
		expect(rows).toContain('2026-04-06..2026-04-19 14 school_holiday easter [easter_monday]');
		expect(page.periods.reduce((n, p) => n + p.days, 0)).toBe(page.days.length);

		// Releasing 26 Oct..1 Nov as school holiday leaves the study day and All Saints blocked.
		expect(await removeBlockedPeriod(ctx.db, coordinator, id, { from: '2025-10-26', to: '2025-11-01', kind: 'school_holiday' })).toBe(4);
		expect((await days(ctx.db, id)).filter((r) => r.localDate <= '2025-11-02').map((r) => `${r.localDate} ${r.kind}`)).toEqual([
			'2025-10-29 study_day',
			'2025-11-01 public_holiday',
			'2025-11-02 school_holiday'
		]);
		const audit = await ctx.db
			.selectFrom('auditLog')
			.select('beforeJson')
			.where('action', '=', 'edition.blocked_days.removed')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.beforeJson!)).toEqual({ kind: 'school_holiday', dates: ['2025-10-27', '2025-10-28', '2025-10-30', '2025-10-31'] });
		// A period already released (a second click, a stale page) is refused and writes nothing.
		await expect(removeBlockedPeriod(ctx.db, coordinator, id, { from: '2025-10-27', to: '2025-10-31', kind: 'school_holiday' })).rejects.toMatchObject({
			messageKey: 'bd_error_not_blocked'
		});
	});

	it('a copied edition computes the next school year’s holidays rather than moving them a year on', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const source = await schoolYearEdition(ctx.db);
		await prefillHolidays(ctx.db, coordinator, source);
		await addBlockedDays(ctx.db, coordinator, source, blockDaysSchema.parse({ from: '2026-03-04', kind: 'study_day', label: 'Studiedag' }));
		await addBlockedDays(ctx.db, coordinator, source, blockDaysSchema.parse({ from: '2026-05-20', kind: 'school_holiday', label: 'Lokale verlofdag' }));
		const copy = await copyEdition(ctx.db, coordinator, source);
		const rows = await days(ctx.db, copy.id);
		const kindOn = (date: string) => rows.find((r) => r.localDate === date);
		// 2026-2027: autumn from 2 November (1 November is a Sunday), spring 8-14 February, Easter 29 March-11 April.
		expect(rows.filter((r) => r.kind === 'school_holiday' && r.label === null).map((r) => r.localDate)).toEqual(
			[
				...range('2026-11-02', '2026-11-08'),
				...range('2026-12-21', '2027-01-03'),
				...range('2027-02-08', '2027-02-14'),
				...range('2027-03-29', '2027-04-11')
			].filter((d) => !['2026-12-25', '2027-01-01', '2027-03-29'].includes(d))
		);
		expect(kindOn('2027-02-16')).toBeUndefined();
		expect(kindOn('2027-03-04')).toEqual({ localDate: '2027-03-04', kind: 'study_day', label: 'Studiedag' });
		expect(kindOn('2027-05-20')).toEqual({ localDate: '2027-05-20', kind: 'school_holiday', label: 'Lokale verlofdag' });
	});

	it('imports a list all or nothing: a line outside the workshop period writes nothing and is named', async () => {
		const coordinator = await coordinatorActor(ctx.db);
		const id = await schoolYearEdition(ctx.db);
		await addBlockedDays(ctx.db, coordinator, id, blockDaysSchema.parse({ from: '2026-03-04', kind: 'study_day', label: 'Studiedag' }));
		const entries = (text: string) => {
			const r = parseBlockedDaysFile(new TextEncoder().encode(text));
			if (!r.ok) throw new Error(r.message);
			return r.entries;
		};

		const outside = entries('2026-03-02;2026-03-06;Sportweek\n2026-06-01;2026-06-05;Examens\n2025-09-29;Te vroeg\n');
		expect(await importBlockedDays(ctx.db, coordinator, id, 'other', outside)).toEqual({
			ok: false,
			problems: [
				{ line: 2, message: 'valt (deels) buiten de workshopperiode van deze editie.' },
				{ line: 3, message: 'valt (deels) buiten de workshopperiode van deze editie.' }
			]
		});
		expect((await days(ctx.db, id)).map((r) => r.localDate)).toEqual(['2026-03-04']);

		const ok = entries('datum;tot;omschrijving\n2026-03-02;2026-03-06;Sportweek\n2026-03-05;Lokale verlofdag\n');
		expect(await importBlockedDays(ctx.db, coordinator, id, 'other', ok)).toEqual({ ok: true, added: 4, skipped: 1 });
		expect((await days(ctx.db, id)).map((r) => `${r.localDate} ${r.kind} ${r.label}`)).toEqual([
			'2026-03-02 other Sportweek',
			'2026-03-03 other Sportweek',
			'2026-03-04 study_day Studiedag',
			'2026-03-05 other Sportweek',
			'2026-03-06 other Sportweek'
		]);
		const audit = await ctx.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'edition.blocked_days.imported').executeTakeFirstOrThrow();
		expect(JSON.parse(audit.afterJson!)).toEqual({ kind: 'other', dates: ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06'] });
	});
});
