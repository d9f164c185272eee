import { flemishSchoolHolidayOn } from '../../../calendar/flemish-school-holidays';
import * as m from '../../../paraglide/messages';
import { belgianHolidayOn } from '../../../time/belgian-holidays';
import type { BlockedDayKind } from '../../db/schema';

type Named = (inputs: Record<string, never>, options: { locale: 'nl' | 'en' }) => string;
const message = (key: string) => (m as unknown as Record<string, Named>)[key];

/**
 * What a blocked day is called, in the reader's language: the coordinator's own
 * label, else the public or school holiday of that date ("O.L.H.-Hemelvaart"),
 * else its kind ("Studiedag"). Holidays are stored without a label for this reason.
 */
export function blockedDayName(day: { localDate: string; kind: BlockedDayKind; label: string | null }, locale: string): string {
	if (day.label) return day.label;
	const options = { locale: locale === 'en' ? ('en' as const) : ('nl' as const) };
	const holiday = day.kind === 'public_holiday' ? belgianHolidayOn(day.localDate) : null;
	if (holiday) return message(`bd_holiday_${holiday.key}`)({}, options);
	const schoolHoliday = day.kind === 'school_holiday' ? flemishSchoolHolidayOn(day.localDate) : null;
	if (schoolHoliday) return message(`bd_school_${schoolHoliday}`)({}, options);
	return message(`bd_kind_${day.kind}`)({}, options);
}
