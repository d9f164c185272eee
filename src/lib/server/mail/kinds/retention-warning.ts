import * as m from '../../../paraglide/messages';
import { formatDate } from '../../../time/brussels';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** An unused account will be anonymised on `date` (YYYY-MM-DD) unless the person logs in before then. */
export interface RetentionWarningParams {
	name: string;
	date: string;
	/** The login page. */
	url: string;
}

export function retentionWarningParts(p: RetentionWarningParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const date = formatDate(p.date, locale);
	return {
		subject: m.ret_mail_subject({ city, date }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.ret_mail_body({ date }, o)],
		action: m.ret_mail_action({}, o),
		url: p.url,
		after: m.ret_mail_after({}, o),
		why: m.ret_mail_why({}, o)
	};
}
