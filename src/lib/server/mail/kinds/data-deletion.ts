import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/** A deletion request received, or carried out: the person hears of both, in their language. */
export interface DataDeletionParams {
	name: string;
	event: 'received' | 'done';
	/** received: the account page (to withdraw); done: the privacy notice. */
	url: string;
}

export function dataDeletionParts(p: DataDeletionParams, locale: Locale, city: string): Parts {
	const o = { locale };
	const received = p.event === 'received';
	return {
		subject: received ? m.md_mail_received_subject({ city }, o) : m.md_mail_done_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [received ? m.md_mail_received_body({}, o) : m.md_mail_done_body({}, o)],
		action: received ? m.md_mail_received_action({}, o) : m.md_mail_done_action({}, o),
		url: p.url,
		after: received ? m.md_mail_received_after({}, o) : m.md_mail_done_after({}, o),
		why: m.md_mail_why({}, o)
	};
}
