import * as m from '../../../paraglide/messages';
import type { Locale } from '../../db/schema';
import type { Parts } from '../parts';

/**
 * Someone registered with the address of an existing account. The page answered
 * "check your mail" as for a new account (it must not reveal which addresses have
 * one); this mail tells the holder, and only the holder, how to get in.
 */
export interface RegisterExistingParams {
	name: string;
	loginUrl: string;
	resetUrl: string;
}

export function registerExistingParts(p: RegisterExistingParams, locale: Locale, city: string): Parts {
	const o = { locale };
	return {
		subject: m.auth_reg_existing_subject({ city }, o),
		greeting: m.mail_greeting({ name: p.name }, o),
		lines: [m.auth_reg_existing_body({}, o), m.auth_reg_existing_login({}, o), m.auth_reg_existing_reset({ url: p.resetUrl }, o)],
		action: m.auth_reg_existing_action({}, o),
		url: p.loginUrl,
		after: m.auth_reg_existing_after({}, o),
		why: m.auth_reg_existing_why({}, o)
	};
}
