import * as m from '$lib/paraglide/messages';
import type { BlockedDayKind } from '$lib/schemas/blocked-day';
import type { FlemishSchoolHolidayKey } from '$lib/calendar/flemish-school-holidays';
import type { BelgianHolidayKey } from '$lib/time/belgian-holidays';

/** Words for the kinds of blocked day and for the public and school holidays, in the page's language. */
export const kindLabels: Record<BlockedDayKind, () => string> = {
	public_holiday: m.bd_kind_public_holiday,
	school_holiday: m.bd_kind_school_holiday,
	study_day: m.bd_kind_study_day,
	exam: m.bd_kind_exam,
	other: m.bd_kind_other
};

export const holidayLabels: Record<BelgianHolidayKey, () => string> = {
	new_year: m.bd_holiday_new_year,
	easter_monday: m.bd_holiday_easter_monday,
	labour_day: m.bd_holiday_labour_day,
	ascension: m.bd_holiday_ascension,
	whit_monday: m.bd_holiday_whit_monday,
	national_day: m.bd_holiday_national_day,
	assumption: m.bd_holiday_assumption,
	all_saints: m.bd_holiday_all_saints,
	armistice: m.bd_holiday_armistice,
	christmas: m.bd_holiday_christmas
};

export const schoolHolidayLabels: Record<FlemishSchoolHolidayKey, () => string> = {
	autumn: m.bd_school_autumn,
	christmas: m.bd_school_christmas,
	spring: m.bd_school_spring,
	easter: m.bd_school_easter,
	summer: m.bd_school_summer
};
