import { sha256Hex } from '../auth/crypto';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { consumeToken, issueToken, peekToken } from '../auth/one-time-token';
import { createSession } from '../auth/session';
import { findActiveCampusByInviteCode } from '../campuses/campus.repository';
import { publicOrigin } from '../config';
import type { Database, Locale } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { emailKey } from '../db/keys';
import { nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox';
import { normaliseInviteCode } from '../../invite-code';
import { findUserByEmailKey, findUserById, insertRole, insertUser, linkTeacherToCampus, updateUser } from './user.repository';

export interface TeacherRegistration {
	displayName: string;
	email: string;
	password: string;
	inviteCode: string;
	locale: Locale;
}

/**
 * A teacher registers with their campus's invite code. The account works only
 * after the address is confirmed through the one-time link in the outbox mail.
 */
export async function registerTeacher(db: Kysely<Database>, input: TeacherRegistration): Promise<{ userId: number }> {
	const passwordHash = await hashPassword(input.password);
	try {
		return await withTransaction(db, async (trx) => {
			const campus = await findActiveCampusByInviteCode(trx, normaliseInviteCode(input.inviteCode));
			if (!campus) throw new ValidationError('error_invite_code_unknown', 'inviteCode');
			const key = emailKey(input.email);
			if (await findUserByEmailKey(trx, key)) throw new ValidationError('error_email_taken', 'email');
			const now = nowDb();
			const userId = await insertUser(trx, {
				email: input.email.trim(),
				emailKey: key,
				displayName: input.displayName,
				passwordHash,
				locale: input.locale,
				emailConfirmedAt: null,
				organisationId: null,
				now
			});
			await insertRole(trx, userId, 'teacher', now);
			await linkTeacherToCampus(trx, userId, campus.id, now);
			await audit(trx, { actorId: userId, action: 'user.registered', entityType: 'user', entityId: userId, after: { role: 'teacher', campusId: campus.id } });
			const token = await issueToken(trx, userId, 'email_confirm');
			await enqueueMail(trx, {
				recipient: input.email.trim(),
				locale: input.locale,
				mail: { template: 'email_confirm', params: { name: input.displayName, campus: `${campus.schoolName} – ${campus.name}` } },
				secretLink: `${publicOrigin()}/confirm-email/${token}`,
				dedupeKey: `email_confirm:${sha256Hex(token)}`
			});
			return { userId };
		});
	} catch (err) {
		// Two registrations with the same address at the same moment: the unique key decides.
		if (isUniqueViolation(err)) throw new ValidationError('error_email_taken', 'email');
		throw err;
	}
}

export async function confirmEmail(db: Kysely<Database>, token: string): Promise<void> {
	await withTransaction(db, async (trx) => {
		const userId = await consumeToken(trx, token, 'email_confirm');
		await updateUser(trx, userId, { emailConfirmedAt: nowDb() }, nowDb());
		await audit(trx, { actorId: userId, action: 'user.email_confirmed', entityType: 'user', entityId: userId });
	});
}

/** Whether a link is still usable, so its page can say so before the form is filled in. */
export async function describeToken(db: Kysely<Database>, token: string, purpose: 'email_confirm' | 'invite' | 'password_reset') {
	const userId = await peekToken(db, token, purpose);
	if (userId === null) return null;
	const user = await findUserById(db, userId);
	return user ? { displayName: user.displayName, email: user.email } : null;
}

/** An invited trainer or coordinator chooses a password; the link also confirms the address. */
export async function acceptInvite(
	db: Kysely<Database>,
	input: { token: string; displayName: string; password: string; deviceLabel: string }
) {
	const passwordHash = await hashPassword(input.password);
	const userId = await withTransaction(db, async (trx) => {
		const id = await consumeToken(trx, input.token, 'invite');
		const now = nowDb();
		await updateUser(trx, id, { displayName: input.displayName, passwordHash, emailConfirmedAt: now }, now);
		await audit(trx, { actorId: id, action: 'user.invite.accepted', entityType: 'user', entityId: id });
		return id;
	});
	const user = (await findUserById(db, userId))!;
	return { ...(await createSession(db, userId, input.deviceLabel)), locale: user.locale };
}
