import { sha256Hex } from './crypto';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit';
import { publicOrigin } from '../config';
import type { Database, Locale } from '../db/schema';
import { emailKey } from '../db/keys';
import { hours, nowDb } from '../db/time';
import { withTransaction } from '../db/transaction';
import { enqueueMail } from '../mail/outbox';
import { NotFoundError } from '../errors';
import { findUserByEmailKey, findUserById, updateUser } from '../users/user.repository';
import { consumeToken, issueToken } from './one-time-token';
import { hashPassword } from './password';
import { bucket, takeAttempt } from './rate-limit';
import { createSession, invalidateSessionsOfUser } from './session';

/** Every answer takes at least this long, so timing does not tell whether an account exists. */
const minimumAnswerMs = 400;
const perAddressRule = { limit: 3, windowMs: hours(1), blockMs: () => hours(1) };

/**
 * Asks for a reset link. The caller always shows the same answer; whether a mail
 * was queued (an active account exists, and it has not had three links this hour)
 * is never revealed.
 */
export async function requestPasswordReset(db: Kysely<Database>, input: { email: string; locale: Locale }): Promise<void> {
	const started = Date.now();
	const key = emailKey(input.email);
	const limiter = bucket('reset', key);
	const user = await findUserByEmailKey(db, key);
	// Checked and counted in one step (see takeAttempt): simultaneous requests cannot all pass the check.
	if (user && !user.disabled && (await takeAttempt(db, [{ name: limiter, rule: perAddressRule }])) === 0) {
		await withTransaction(db, async (trx) => {
			const token = await issueToken(trx, user.id, 'password_reset');
			await enqueueMail(trx, {
				recipient: user.email,
				locale: user.locale ?? input.locale,
				mail: { template: 'password_reset', params: { name: user.displayName } },
				secretLink: `${publicOrigin()}/reset-password/${token}`,
				dedupeKey: `password_reset:${sha256Hex(token)}`
			});
		});
	}
	const left = minimumAnswerMs - (Date.now() - started);
	if (left > 0) await new Promise((r) => setTimeout(r, left));
}

/** Sets the new password, ends every other session, and logs this browser in. */
export async function resetPassword(db: Kysely<Database>, input: { token: string; password: string; deviceLabel: string }) {
	const passwordHash = await hashPassword(input.password);
	const user = await withTransaction(db, async (trx) => {
		const userId = await consumeToken(trx, input.token, 'password_reset');
		const now = nowDb();
		// A reset link proves the address, so it also confirms an unconfirmed one.
		const found = await findUserById(trx, userId);
		if (!found) throw new NotFoundError(); // the token's user: a foreign key, so never
		await updateUser(trx, userId, { passwordHash, ...(found.emailConfirmedAt ? {} : { emailConfirmedAt: now }) }, now);
		await invalidateSessionsOfUser(trx, userId);
		await audit(trx, { actorId: userId, action: 'user.password.reset', entityType: 'user', entityId: userId });
		return found;
	});
	const session = await createSession(db, user.id, input.deviceLabel);
	return { ...session, locale: user.locale };
}
