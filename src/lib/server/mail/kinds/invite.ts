import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

export interface InviteParams {
	name: string;
	inviter: string;
	role: string;
}

/** A coordinator made an account for someone: the action (the secret link) sets its password. */
export function inviteParts(p: InviteParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.mail_invite_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.mail_invite_body({ inviter: p.inviter, role: p.role }, o)],
		action: m.mail_invite_action({}, o),
		after: m.mail_invite_after({}, o),
		why: m.ntf_why_invite({ inviter: p.inviter }, o)
	};
}
