import { sha256Hex } from '../auth/crypto';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { issueToken } from '../auth/one-time-token';
import { invalidateSessionsOfUser } from '../auth/session';
import { publicOrigin } from '../config';
import type { Database, Locale } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { emailKey } from '../db/keys';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../errors';
import { requireCoordinator, type Actor } from '../auth/actor';
import { enqueueMail } from '../mail/outbox';
import * as m from '../../paraglide/messages';
import { revokeAllFeedsOfUser } from '../workshops/calendar/calendar-feed.repository';
import { findUserByEmailKey, findUserById, insertRole, insertUser, listRolesOfUser, updateUser } from './user.repository';

export type { Actor };

export interface Invitation {
	email: string;
	displayName: string;
	role: 'trainer' | 'coordinator';
	organisationId: number | null;
	locale: Locale;
	/** A trainer who may also plan for their organisation (set in the same transaction). */
	planner?: boolean;
}

/**
 * A coordinator invites a trainer or coordinator. A new address gets an account
 * and a one-time link (7 days) to choose a password. An existing account simply
 * gains the role: one person may be teacher and trainer.
 */
export async function inviteUser(db: Kysely<Database>, actor: Actor, input: Invitation): Promise<'invited' | 'role_added'> {
	requireCoordinator(actor);
	if (input.role === 'trainer' && !input.organisationId) throw new ValidationError('error_organisation_required', 'organisationId');
	try {
		return await withTransaction(db, async (trx) => {
			const key = emailKey(input.email);
			const now = nowDb();
			const existing = await findUserByEmailKey(trx, key);
			if (existing) {
				const roles = await listRolesOfUser(trx, existing.id);
				if (roles.includes(input.role)) throw new ValidationError('error_role_already_held', 'email');
				await insertRole(trx, existing.id, input.role, now);
				if (input.role === 'trainer') await updateUser(trx, existing.id, { organisationId: input.organisationId, ...plannerOf(input) }, now);
				await audit(trx, {
					actorId: actor.id,
					action: 'user.role.added',
					entityType: 'user',
					entityId: existing.id,
					before: { roles },
					after: { roles: [...roles, input.role], ...plannerOf(input) }
				});
				return 'role_added' as const;
			}
			const userId = await insertUser(trx, {
				email: input.email.trim(),
				emailKey: key,
				displayName: input.displayName,
				passwordHash: null,
				locale: input.locale,
				emailConfirmedAt: null,
				organisationId: input.role === 'trainer' ? input.organisationId : null,
				now
			});
			await insertRole(trx, userId, input.role, now);
			if (input.role === 'trainer' && input.planner) await updateUser(trx, userId, { planner: 1 }, now);
			await audit(trx, {
				actorId: actor.id,
				action: 'user.invited',
				entityType: 'user',
				entityId: userId,
				after: { role: input.role, organisationId: input.organisationId, ...plannerOf(input) }
			});
			const token = await issueToken(trx, userId, 'invite');
			const roleLabel = input.role === 'trainer' ? m.role_trainer({}, { locale: input.locale }) : m.role_coordinator({}, { locale: input.locale });
			await enqueueMail(trx, {
				recipient: input.email.trim(),
				locale: input.locale,
				mail: { template: 'invite', params: { name: input.displayName, inviter: actor.displayName, role: roleLabel } },
				secretLink: `${publicOrigin()}/invite/${token}`,
				dedupeKey: `invite:${sha256Hex(token)}`
			});
			return 'invited' as const;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new ValidationError('error_email_taken', 'email');
		throw err;
	}
}

const plannerOf = (input: Invitation) => (input.role === 'trainer' && input.planner ? { planner: 1 as const } : {});

/**
 * Disabling ends every session of the account at once, and its calendar-feed
 * addresses for good (re-enabling does not revive them: the user makes a new
 * one); its history stays.
 */
export async function setUserDisabled(db: Kysely<Database>, actor: Actor, userId: number, disabled: boolean): Promise<void> {
	requireCoordinator(actor);
	if (userId === actor.id && disabled) throw new ValidationError('error_cannot_disable_self');
	await withTransaction(db, async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user) throw new NotFoundError();
		const now = nowDb();
		await updateUser(trx, userId, { disabled: disabled ? 1 : 0 }, now);
		let feedsRevoked = 0;
		if (disabled) {
			await invalidateSessionsOfUser(trx, userId);
			feedsRevoked = await revokeAllFeedsOfUser(trx, userId, now);
		}
		await audit(trx, {
			actorId: actor.id,
			action: disabled ? 'user.disabled' : 'user.enabled',
			entityType: 'user',
			entityId: userId,
			before: { disabled: user.disabled },
			after: disabled ? { disabled: 1, calendarFeedsRevoked: feedsRevoked } : { disabled: 0 }
		});
	});
}

export async function setUserLocale(db: Kysely<Database>, userId: number, locale: Locale): Promise<void> {
	await updateUser(db, userId, { locale }, nowDb());
}
