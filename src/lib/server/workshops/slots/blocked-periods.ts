import type { BlockedDayKind } from '../../db/schema';
import type { FlemishSchoolHolidayKey } from '../../../calendar/flemish-school-holidays';
import type { BelgianHolidayKey } from '../../../time/belgian-holidays';
import { addDays } from '../../../time/brussels';

/** One blocked day as the page shows it: its kind, its own label or the holiday it is named after. */
export interface BlockedDayView {
	date: string;
	kind: BlockedDayKind;
	label: string | null;
	holiday: BelgianHolidayKey | null;
	schoolHoliday: FlemishSchoolHolidayKey | null;
	scheduledSlots: number;
}

/** Consecutive blocked days of one kind and one name: a holiday, an exam week, a single study day. */
export interface BlockedPeriod extends Omit<BlockedDayView, 'date' | 'scheduledSlots'> {
	from: string;
	to: string;
	/** Days from the first to the last, public holidays inside a school holiday included. */
	days: number;
	/** Scheduled slots on any day of the period. */
	scheduledSlots: number;
	/** The public holidays that fall in (or at the edge of) a school holiday, by key: they stay their own kind of day. */
	holidaysInside: BelgianHolidayKey[];
}

const nameOf = (d: Omit<BlockedDayView, 'date' | 'scheduledSlots'>) => `${d.kind}|${d.label ?? ''}|${d.holiday ?? ''}|${d.schoolHoliday ?? ''}`;
const follows = (a: BlockedPeriod, b: BlockedPeriod | undefined) => !!b && addDays(a.to, 1) === b.from;
const isSchoolHoliday = (p: BlockedPeriod | undefined) => p?.kind === 'school_holiday' && p.schoolHoliday !== null && p.label === null;

/** Appends `next` to `period`, which it directly follows. */
function extend(period: BlockedPeriod, next: BlockedPeriod): void {
	period.to = next.to;
	period.days += next.days;
	period.scheduledSlots += next.scheduledSlots;
	period.holidaysInside.push(...next.holidaysInside);
	if (next.kind === 'public_holiday' && next.holiday) period.holidaysInside.push(next.holiday);
}

/** Days in a row that share kind and name. */
function runs(days: readonly BlockedDayView[]): BlockedPeriod[] {
	const periods: BlockedPeriod[] = [];
	for (const { date, ...day } of days) {
		const last = periods.at(-1);
		if (last && nameOf(last) === nameOf(day) && addDays(last.to, 1) === date) extend(last, { ...day, from: date, to: date, days: 1, holidaysInside: [] });
		else periods.push({ ...day, from: date, to: date, days: 1, holidaysInside: [] });
	}
	return periods;
}

/**
 * Folds the blocked days (in date order) into periods. The table listed the
 * Christmas holidays as 16 rows of the same words; a coordinator thinks of them
 * as one line "Kerstvakantie, 21 december – 3 januari". Days join when they
 * follow each other and share kind and name. A public holiday that falls in a
 * school holiday, or on its first or last day (Easter Monday), is folded into
 * that holiday's line and named there: it stays its own kind of day, so
 * releasing the school holiday leaves it blocked.
 */
export function groupIntoPeriods(days: readonly BlockedDayView[]): BlockedPeriod[] {
	const periods: BlockedPeriod[] = [];
	const pending = runs(days);
	for (let i = 0; i < pending.length; i++) {
		const current = pending[i];
		const last = periods.at(-1);
		const holiday = current.kind === 'public_holiday';
		if (holiday && isSchoolHoliday(last) && follows(last!, current)) {
			extend(last!, current);
		} else if (holiday && isSchoolHoliday(pending[i + 1]) && follows(current, pending[i + 1])) {
			// A holiday on the first day: the school holiday's line starts with it.
			const school = pending[++i];
			periods.push({
				...school,
				from: current.from,
				days: current.days + school.days,
				holidaysInside: [current.holiday!],
				scheduledSlots: current.scheduledSlots + school.scheduledSlots
			});
		} else if (isSchoolHoliday(current) && last && isSchoolHoliday(last) && nameOf(last) === nameOf(current) && follows(last, current)) {
			// The same school holiday again after a folded-in public holiday.
			extend(last, current);
		} else {
			periods.push(current);
		}
	}
	return periods;
}
