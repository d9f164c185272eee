import { z } from 'zod';
import { isWellFormedInviteCode, normaliseInviteCode } from '../invite-code';
import * as m from '../paraglide/messages';
import { choice, email, existingPassword, locale, newPassword, personName } from './fields';

export const loginSchema = z.object({
	email: email(),
	password: existingPassword()
});

export const inviteCodeField = () =>
	z
		.string({ error: () => m.v_required() })
		.transform((s) => normaliseInviteCode(s))
		.pipe(
			z
				.string()
				.min(1, { error: () => m.v_required() })
				.refine(isWellFormedInviteCode, { error: () => m.v_invite_code_format() })
		);

export const registerSchema = z.object({
	displayName: personName(),
	email: email(),
	password: newPassword(),
	inviteCode: inviteCodeField()
});

export const forgotPasswordSchema = z.object({ email: email() });

export const resetPasswordSchema = z.object({ password: newPassword() });

export const acceptInviteSchema = z.object({ displayName: personName(), password: newPassword() });

export const inviteUserSchema = z
	.object({
		email: email(),
		displayName: personName(),
		role: choice(['trainer', 'coordinator'] as const),
		organisationId: z
			.string()
			.optional()
			.transform((s) => (s ? Number(s) : null))
			.pipe(z.number().int().positive().nullable()),
		locale: locale()
	})
	.refine((v) => v.role !== 'trainer' || v.organisationId !== null, {
		path: ['organisationId'],
		error: () => m.error_organisation_required()
	});

export const profileSchema = z.object({ displayName: personName(), locale: locale() });
