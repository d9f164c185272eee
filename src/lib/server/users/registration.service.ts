import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sha256Hex } from '../auth/crypto';
import { audit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { consumeToken, issueToken, peekToken } from '../auth/one-time-token';
import { createSession, deviceLabelFrom } from '../auth/session';
import { bucket, takeAttempt, type Limit } from '../auth/rate-limit';
import { findActiveCampusByInviteCode } from '../campuses/campus.repository';
import { config, publicOrigin } from '../config';
import type { Db } from '../db';
import type { Database, Locale } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { emailKey } from '../db/keys';
import { minutes, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { RateLimitedError, ValidationError } from '../errors';
import { logger } from '../log';
import { enqueueMail } from '../mail/outbox';
import { normaliseInviteCode } from '../../invite-code';
import { findUserByEmailKey, findUserById, insertRole, insertUser, linkTeacherToCampus, updateUser } from './user.repository';

export interface TeacherRegistration {
	displayName: string;
	email: string;
	password: string;
	inviteCode: string;
	locale: Locale;
	/** The client's address, as login takes it (getClientAddress: ADDRESS_HEADER/XFF_DEPTH behind a proxy). */
	address: string;
}

/**
 * Every post counts against its client address, wrong codes included (guessing
 * codes costs attempts); posts with a valid code also count against the e-mail
 * address, since each one mails it. The limit-th attempt blocks the bucket for a whole window.
 */
function registrationLimits(input: { address: string; email: string }) {
	const c = config();
	const windowMs = minutes(c.REGISTRATION_WINDOW_MINUTES);
	return {
		address: { name: bucket('register-a', input.address), rule: { limit: c.REGISTRATIONS_PER_CLIENT_ADDRESS, windowMs, blockMs: () => windowMs } },
		email: { name: bucket('register-e', emailKey(input.email)), rule: { limit: c.REGISTRATIONS_PER_EMAIL, windowMs, blockMs: () => windowMs } }
	};
}

async function limited(db: Kysely<Database>, limit: Limit): Promise<void> {
	const wait = await takeAttempt(db, [limit]);
	if (wait === 0) return;
	// The bucket's kind only: its name is a hash, and the address is personal data.
	logger.info('registration refused by its rate limit', { limit: limit.name.split(':')[0], retryAfterSeconds: wait });
	throw new RateLimitedError(wait, 'auth_register_rate_limited');
}

/**
 * A teacher registers with their campus's invite code. The account works only
 * after the address is confirmed through the one-time link in the outbox mail.
 *
 * The answer is the same whether or not the address has an account (userId is
 * then null and the holder gets a mail saying how to log in): the page must not
 * tell a stranger which addresses have one. The password is hashed in both cases,
 * so neither does the time the answer takes.
 */
export async function registerTeacher(db: Kysely<Database>, input: TeacherRegistration): Promise<{ userId: number | null }> {
	const limits = registrationLimits(input);
	await limited(db, limits.address);
	// The code before the hash: a lookup costs nothing, argon2 ~65 ms of a core and
	// 19 MiB, so wrong-code posts must not slow everyone's logins.
	const inviteCode = normaliseInviteCode(input.inviteCode);
	if (!(await findActiveCampusByInviteCode(db, inviteCode))) throw new ValidationError('error_invite_code_unknown', 'inviteCode');
	await limited(db, limits.email);
	const passwordHash = await hashPassword(input.password);
	try {
		return await createOrNotify(db, input, inviteCode, passwordHash);
	} catch (err) {
		// Two registrations with the same address at the same moment: the unique key decides,
		// and the loser now finds the winner's account and mails its holder.
		if (!isUniqueViolation(err)) throw err;
		return await createOrNotify(db, input, inviteCode, passwordHash);
	}
}

function createOrNotify(db: Kysely<Database>, input: TeacherRegistration, inviteCode: string, passwordHash: string) {
	return withTransaction(db, async (trx): Promise<{ userId: number | null }> => {
		// Again inside the transaction: the campus may have been deactivated meanwhile.
		const campus = await findActiveCampusByInviteCode(trx, inviteCode);
		if (!campus) throw new ValidationError('error_invite_code_unknown', 'inviteCode');
		const key = emailKey(input.email);
		const existing = await findUserByEmailKey(trx, key);
		if (existing) {
			await notifyExistingAccount(trx, existing);
			return { userId: null };
		}
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
}

/**
 * Mails the holder of the address, in their own language and at their own spelling
 * of it; never the campus or code the stranger typed. A disabled account gets no
 * mail: it could not log in anyway.
 */
async function notifyExistingAccount(db: Db, user: { id: number; email: string; displayName: string; locale: Locale; disabled: number | boolean }) {
	if (user.disabled) return;
	await enqueueMail(db, {
		recipient: user.email,
		locale: user.locale,
		mail: {
			template: 'register_existing',
			params: { name: user.displayName, loginUrl: `${publicOrigin()}/login`, resetUrl: `${publicOrigin()}/forgot-password` }
		},
		// Each attempt its own mail; the per-address limit caps how many.
		dedupeKey: `register_existing:${user.id}:${randomUUID()}`
	});
	logger.info('registration for an existing account', { userId: user.id });
}

/**
 * The address is confirmed with the link from the mail, once, and the teacher is
 * logged in there and then: the link proves they hold the address, as a login
 * link does, so asking for the password again right after was a needless step.
 * A disabled account is confirmed but gets no session (null).
 */
export async function confirmEmail(db: Kysely<Database>, token: string, input: { userAgent: string | null }) {
	return withTransaction(db, async (trx) => {
		const userId = await consumeToken(trx, token, 'email_confirm');
		const now = nowDb();
		await updateUser(trx, userId, { emailConfirmedAt: now }, now);
		await audit(trx, { actorId: userId, action: 'user.email_confirmed', entityType: 'user', entityId: userId });
		const user = await findUserById(trx, userId);
		if (!user || user.disabled) return null;
		await updateUser(trx, userId, { lastLoginAt: now }, now);
		return { ...(await createSession(trx, userId, deviceLabelFrom(input.userAgent))), locale: user.locale };
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
export async function acceptInvite(db: Kysely<Database>, input: { token: string; displayName: string; password: string; deviceLabel: string }) {
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
