import { z } from 'zod';
import { limits } from '../limits';
import * as m from '../paraglide/messages';
import { isCommonPassword } from './common-passwords';

/**
 * Field builders shared by every form schema. Messages are Paraglide functions,
 * called when an issue is raised, so they come out in the language of the request
 * (server) or of the page (browser). Client-safe.
 */
// Control and format characters (zero-width spaces, bidi overrides) have no place in a name.
const controlChars = /[\p{Cc}\p{Cf}]/u;

export const requiredText = (max: number) =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => s.normalize('NFC').trim())
		.pipe(
			z
				.string()
				.min(1, { error: () => m.v_required() })
				.max(max, { error: () => m.v_too_long({ max }) })
				.refine((s) => !controlChars.test(s), { error: () => m.v_control_chars() })
		);

export const optionalText = (max: number) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').normalize('NFC').trim())
		.pipe(
			z
				.string()
				.max(max, { error: () => m.v_too_long({ max }) })
				.refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s.replace(/[\r\n\t]/g, '')), { error: () => m.v_control_chars() })
		)
		.transform((s) => (s === '' ? null : s));

export const personName = () => requiredText(limits.personName);

/** Display names, lists and line breaks: anything a bare address never contains. */
export const looksLikeMoreThanAnAddress = (s: string) => /[\r\n<>",;]|\s/.test(s);

export const email = () =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => s.trim())
		.pipe(
			z
				.string()
				.min(1, { error: () => m.v_required() })
				.max(limits.email, { error: () => m.v_too_long({ max: limits.email }) })
				// A name, a second address or a line break in an address field is how mail
				// headers get injected ("Lies <x@y>", "x@y\nBcc: …"): say what to type instead.
				.refine((s) => !looksLikeMoreThanAnAddress(s), { error: () => m.ntf_v_email_bare() })
				.pipe(z.email({ error: () => m.v_email() }))
		);

/** A new password: long enough, not absurdly long (argon2 cost), not a common one. */
export const newPassword = () =>
	z
		.string({ error: () => m.v_required() })
		.min(1, { error: () => m.v_required() })
		.min(limits.passwordMin, { error: () => m.v_password_short({ min: limits.passwordMin }) })
		.max(limits.passwordMax, { error: () => m.v_too_long({ max: limits.passwordMax }) })
		.refine((p) => !isCommonPassword(p), { error: () => m.v_password_common() });

/** A password typed to log in: only presence and an upper bound are checked. */
export const existingPassword = () =>
	z
		.string({ error: () => m.v_required() })
		.min(1, { error: () => m.v_required() })
		.max(limits.passwordMax, { error: () => m.v_too_long({ max: limits.passwordMax }) });

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: () => m.v_choose_option() });

export const locale = () => choice(['nl', 'en'] as const);
