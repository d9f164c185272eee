import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { publicOrigin } from '../config';
import type { Database, Locale } from '../db/schema';
import { emailKey } from '../db/keys';
import { minutes, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { DomainError, ValidationError } from '../errors';
import { logger } from '../log';
import { enqueueMail } from '../mail/outbox';
import { findUserByEmailKey, findUserById, updateUser } from '../users/user.repository';
import { sha256Hex } from './crypto';
import { safeReturnPath } from './guards';
import { consumeToken, issueToken } from './one-time-token';
import { bucket, takeAttempt, type Rule } from './rate-limit';
import { createSession, deviceLabelFrom } from './session';

/**
 * Every answer takes at least this long, so the time it takes does not tell
 * whether a mail was queued (and so whether the account exists).
 */
const minimumAnswerMs = 400;
const windowMs = minutes(15);

/**
 * Requests are counted whether or not the address has an account, so hitting
 * the limit says nothing about the account either. Per address: a few links
 * per quarter hour, so nobody floods a mailbox. Per client address: generous,
 * because a whole school sits behind one NAT.
 */
export const loginLinkRules: Record<'address' | 'client', Rule> = {
	address: { limit: 5, windowMs, blockMs: () => windowMs },
	client: { limit: 100, windowMs, blockMs: () => windowMs }
};

/** The rate-limit buckets of one request: its e-mail key and its client address. */
export const loginLinkBuckets = (key: string, ip: string) => ({ address: bucket('login-link-e', key), client: bucket('login-link-ip', ip) });

/** Too many link requests; says how many minutes to wait (rounded up). */
export class LoginLinkRateLimitedError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		const waitMinutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super(waitMinutes === 1 ? 'll_error_too_many_one' : 'll_error_too_many', 429, undefined, { minutes: waitMinutes });
	}
}

export interface LoginLinkRequest {
	email: string;
	/** The client's address, for the per-address limit. */
	ip: string;
	/** The language of the page, for accounts without one of their own. */
	locale: Locale;
	/** A same-site path to land on after using the link (as the login page's `next`). */
	next?: string | null;
}

/**
 * Mails a one-time login link to a confirmed, active account. The caller shows
 * the same answer whatever happened: only the rate limit is ever reported, and
 * it counts unknown addresses the same way as known ones.
 */
export async function requestLoginLink(db: Kysely<Database>, input: LoginLinkRequest): Promise<void> {
	const started = Date.now();
	const key = emailKey(input.email);
	const buckets = loginLinkBuckets(key, input.ip);
	// Checked and counted in one step (see takeAttempt): simultaneous requests cannot all pass the check.
	const wait = await takeAttempt(db, [
		{ name: buckets.address, rule: loginLinkRules.address },
		{ name: buckets.client, rule: loginLinkRules.client }
	]);
	if (wait > 0) throw new LoginLinkRateLimitedError(wait);

	const user = await findUserByEmailKey(db, key);
	// Invited people who never finished their account have no confirmed address: no link.
	if (user && !user.disabled && user.emailConfirmedAt) {
		const next = safeReturnPath(input.next);
		await withTransaction(db, async (trx) => {
			const token = await issueToken(trx, user.id, 'login_link');
			await enqueueMail(trx, {
				recipient: user.email,
				locale: user.locale ?? input.locale,
				mail: { template: 'login_link', params: { name: user.displayName } },
				secretLink: `${publicOrigin()}/login/link/${token}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`,
				dedupeKey: `login_link:${sha256Hex(token)}`
			});
			await audit(trx, { actorId: null, action: 'user.login_link.requested', entityType: 'user', entityId: user.id });
		});
	}
	const left = minimumAnswerMs - (Date.now() - started);
	if (left > 0) await new Promise((r) => setTimeout(r, left));
}

/**
 * Uses a login link once and starts a session, as a password login does. An
 * unknown, used or expired link, or one whose account was disabled since, is the
 * same "link no longer valid" error.
 */
export async function useLoginLink(db: Kysely<Database>, token: string, input: { userAgent: string | null }) {
	const result = await withTransaction(db, async (trx) => {
		const userId = await consumeToken(trx, token, 'login_link');
		const user = await findUserById(trx, userId);
		if (!user || user.disabled || !user.emailConfirmedAt) throw new ValidationError('error_link_invalid');
		const now = nowDb();
		await updateUser(trx, userId, { lastLoginAt: now }, now);
		await audit(trx, { actorId: userId, action: 'user.login_link.used', entityType: 'user', entityId: userId });
		const session = await createSession(trx, userId, deviceLabelFrom(input.userAgent));
		return { ...session, userId, locale: user.locale };
	});
	logger.info('login', { userId: result.userId, via: 'login_link' });
	return result;
}

/**
 * useLoginLink for the link's page, which shows "no longer valid" in place of a
 * form error: null for that refusal (its ValidationError, nothing else; any other
 * failure still reaches handleError).
 */
export async function redeemLoginLink(db: Kysely<Database>, token: string, input: { userAgent: string | null }) {
	try {
		return await useLoginLink(db, token, input);
	} catch (err) {
		if (err instanceof ValidationError) return null;
		throw err;
	}
}
