import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { optionalWebsite } from './campaign';
import { isEmail, phonePattern } from './campus';
import { choice, email, locale, optionalText, personName, requiredText } from './fields';

/** A partner organisation as the coordinator types it. Client-safe. */
export const organisationSchema = z.object({
	name: requiredText(limits.organisationName),
	contactName: optionalText(limits.personName),
	contactEmail: optionalText(limits.email).refine((s) => s === null || isEmail(s), { error: () => m.v_email() }),
	phone: optionalText(limits.phone).refine((s) => s === null || phonePattern.test(s), { error: () => m.cp_v_phone() }),
	website: optionalWebsite()
});
export type OrganisationInput = z.output<typeof organisationSchema>;

/** "Invite a trainer" (planner 0) or "invite a planner" (planner 1) on an organisation's page. */
export const organisationInviteSchema = z.object({
	displayName: personName(),
	email: email(),
	locale: locale(),
	planner: choice(['0', '1'] as const).transform((v) => v === '1')
});
