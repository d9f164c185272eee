import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

export interface EmailConfirmParams {
	name: string;
	campus: string;
}

/** A teacher registered: the action (the secret link) confirms their address. */
export function emailConfirmParts(p: EmailConfirmParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.mail_confirm_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.mail_confirm_body({ campus: p.campus }, o)],
		action: m.mail_confirm_action({}, o),
		after: m.mail_confirm_after({}, o),
		why: m.ntf_why_registration({}, o)
	};
}
