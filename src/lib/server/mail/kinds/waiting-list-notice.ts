import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import { fromDbTime } from '../../db/time';
import { formatDateTime } from '../../../time/brussels';
import type { Parts } from '../parts';

export interface WaitingListNoticeParams {
	name: string;
	/** The teacher's classes still waiting, e.g. "5A, 5B". */
	classes: string;
	/** The edition, e.g. "Campaign 2027". */
	edition: string;
	/** When enrolment closes: a UTC instant (DbTime), shown in Brussels time. */
	closesAt: string;
	url: string;
}

/**
 * A week before enrolment closes, a teacher whose classes still wait hears so,
 * once per edition: they may still withdraw a class they no longer need, which
 * gives its place to another school.
 */
export function waitingListNoticeParts(p: WaitingListNoticeParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.rem_waiting_subject({ edition: p.edition, classes: p.classes }, o) + ` · ${city}`,
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [
			m.rem_waiting_body({ edition: p.edition, classes: p.classes }, o),
			m.rem_waiting_closes({ closesAt: formatDateTime(fromDbTime(p.closesAt), locale) }, o),
			m.rem_waiting_withdraw({}, o)
		],
		action: m.rem_waiting_action({}, o),
		url: p.url,
		after: '',
		why: m.rem_why_waiting({ classes: p.classes }, o),
		campaign: p.edition
	};
}
