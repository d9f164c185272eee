import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

export interface PasswordResetParams {
	name: string;
}

/** Someone asked for a new password: the action (the secret link) sets one. */
export function passwordResetParts(p: PasswordResetParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.mail_reset_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.mail_reset_body({}, o)],
		action: m.mail_reset_action({}, o),
		after: m.mail_reset_after({}, o),
		why: m.ntf_why_account_request({}, o)
	};
}
