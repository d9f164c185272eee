import { describe, expect, it } from 'vitest';
import { groupIntoPeriods, type BlockedDayView } from '../../src/lib/server/workshops/slots/blocked-periods';
import type { FlemishSchoolHolidayKey } from '../../src/lib/calendar/flemish-school-holidays';
import type { BelgianHolidayKey } from '../../src/lib/time/belgian-holidays';

const school = (date: string, slots = 0, name: FlemishSchoolHolidayKey = 'christmas'): BlockedDayView => ({
	date,
	kind: 'school_holiday',
	label: null,
	holiday: null,
	schoolHoliday: name,
	scheduledSlots: slots
});
const publicHoliday = (date: string, key: BelgianHolidayKey, slots = 0): BlockedDayView => ({
	date,
	kind: 'public_holiday',
	label: null,
	holiday: key,
	schoolHoliday: null,
	scheduledSlots: slots
});
const study = (date: string, label: string | null): BlockedDayView => ({
	date,
	kind: 'study_day',
	label,
	holiday: null,
	schoolHoliday: null,
	scheduledSlots: 0
});
const line = (p: ReturnType<typeof groupIntoPeriods>[number]) =>
	`${p.from}..${p.to} ${p.days} ${p.kind} ${p.schoolHoliday ?? p.holiday ?? p.label} [${p.holidaysInside}] ${p.scheduledSlots}`;

describe('blocked days folded into periods', () => {
	it('makes one line of a school holiday, counting its days and the slots scheduled on any of them', () => {
		const days = ['2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'].map((d, i) => school(d, i === 2 ? 2 : 0, 'easter'));
		expect(groupIntoPeriods(days).map(line)).toEqual(['2027-03-30..2027-04-02 4 school_holiday easter [] 2']);
	});

	it('folds public holidays inside a school holiday into its line, naming them (Christmas and New Year)', () => {
		const days = [
			school('2026-12-23'),
			school('2026-12-24'),
			publicHoliday('2026-12-25', 'christmas', 1),
			school('2026-12-26'),
			school('2026-12-31'),
			publicHoliday('2027-01-01', 'new_year'),
			school('2027-01-02')
		];
		// 27-30 December are missing (released by hand): two lines, each with its holiday.
		expect(groupIntoPeriods(days).map(line)).toEqual([
			'2026-12-23..2026-12-26 4 school_holiday christmas [christmas] 1',
			'2026-12-31..2027-01-02 3 school_holiday christmas [new_year] 0'
		]);
	});

	it('starts a school holiday’s line with a public holiday on its first day (Easter Monday)', () => {
		const days = [publicHoliday('2027-03-29', 'easter_monday'), school('2027-03-30', 0, 'easter'), school('2027-03-31', 0, 'easter')];
		expect(groupIntoPeriods(days).map(line)).toEqual(['2027-03-29..2027-03-31 3 school_holiday easter [easter_monday] 0']);
	});

	it('keeps a public holiday away from any school holiday, and a study day inside one, as their own lines', () => {
		const days = [
			school('2025-10-27', 0, 'autumn'),
			study('2025-10-28', 'Studiedag'),
			school('2025-10-29', 0, 'autumn'),
			publicHoliday('2025-11-11', 'armistice')
		];
		expect(groupIntoPeriods(days).map(line)).toEqual([
			'2025-10-27..2025-10-27 1 school_holiday autumn [] 0',
			'2025-10-28..2025-10-28 1 study_day Studiedag [] 0',
			'2025-10-29..2025-10-29 1 school_holiday autumn [] 0',
			'2025-11-11..2025-11-11 1 public_holiday armistice [] 0'
		]);
	});

	it('does not join days with a gap between them, nor days of one kind with different names', () => {
		const periods = groupIntoPeriods([study('2027-02-01', 'Studiedag'), study('2027-02-03', 'Studiedag'), study('2027-02-04', 'Pedagogische dag')]);
		expect(periods.map((p) => [p.from, p.to, p.label])).toEqual([
			['2027-02-01', '2027-02-01', 'Studiedag'],
			['2027-02-03', '2027-02-03', 'Studiedag'],
			['2027-02-04', '2027-02-04', 'Pedagogische dag']
		]);
	});

	it('joins days across the end of a month and of a year', () => {
		const periods = groupIntoPeriods(['2026-12-30', '2026-12-31', '2027-01-01'].map((d) => study(d, 'Winter')));
		expect(periods.map(line)).toEqual(['2026-12-30..2027-01-01 3 study_day Winter [] 0']);
	});

	it('gives nothing for no days', () => {
		expect(groupIntoPeriods([])).toEqual([]);
	});
});
