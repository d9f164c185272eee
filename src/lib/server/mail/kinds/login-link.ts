import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

export interface LoginLinkParams {
	name: string;
}

/**
 * The login link mail. It has no public url: the action points at the secret
 * link placeholder, which the sender fills in from the outbox's secret_link, so
 * the link never shows on the coordinators' outbox page.
 */
export function loginLinkParts(p: LoginLinkParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.ll_mail_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.ll_mail_body({}, o)],
		action: m.ll_mail_action({}, o),
		after: m.ll_mail_after({}, o),
		why: m.ll_mail_why({}, o)
	};
}
