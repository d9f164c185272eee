import type { Kysely } from 'kysely';
import { config } from '../config';
import type { Database } from '../db/schema';
import { emailKey } from '../db/keys';
import { minutes, nowDb } from '../db/time';
import { RateLimitedError, ValidationError } from '../errors';
import { logger } from '../log';
import { findUserByEmailKey, updateUser } from '../users/user.repository';
import { burnPasswordTime, verifyPassword } from './password';
import { bucket, clearBuckets, giveBackAttempt, takeAttempt, type Limit, type Rule } from './rate-limit';
import { createSession, deviceLabelFrom } from './session';

/**
 * Three limits on failed logins, all in the database:
 * - per account and address: strict, the delay doubles past a few failures;
 * - per address: generous, a whole school behind one NAT must still log in;
 * - per account from anywhere: a short growing delay, never a lock-out, so nobody
 *   can lock the coordinator out by failing on purpose.
 */
function rules(): Record<'accountAddress' | 'address' | 'account', Rule> {
	const c = config();
	const windowMs = minutes(c.LOGIN_WINDOW_MINUTES);
	return {
		accountAddress: { limit: c.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS, windowMs, blockMs: (over) => Math.min(15_000 * 2 ** (over - 1), minutes(15)) },
		address: { limit: c.LOGIN_FAILURES_PER_ADDRESS, windowMs, blockMs: () => windowMs },
		account: { limit: 20, windowMs, blockMs: (over) => Math.min(1000 * 2 ** (over - 1), 30_000) }
	};
}

export interface LoginInput {
	email: string;
	password: string;
	address: string;
	userAgent: string | null;
}

export async function login(db: Kysely<Database>, input: LoginInput) {
	const key = emailKey(input.email);
	const buckets = {
		accountAddress: bucket('login-aa', key, input.address),
		address: bucket('login-a', input.address),
		account: bucket('login-u', key)
	};
	const r = rules();
	const limits: Limit[] = [
		{ name: buckets.accountAddress, rule: r.accountAddress },
		{ name: buckets.address, rule: r.address },
		{ name: buckets.account, rule: r.account }
	];
	// Counted as a failure before the password is checked, in one step with the check of
	// the limit: parallel guesses cannot all slip in before the first one is counted.
	const wait = await takeAttempt(db, limits);
	if (wait > 0) throw new RateLimitedError(wait);

	const user = await findUserByEmailKey(db, key);
	const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordTime(input.password), false);
	if (!user || !ok) {
		logger.info('login failed', { userId: user?.id ?? null });
		throw new ValidationError('error_login_invalid');
	}
	// The right password is no failure: the address (a school's NAT) gets its attempt back.
	await giveBackAttempt(db, limits);
	// Only someone who knows the password learns why the account cannot be used.
	if (user.disabled) throw new ValidationError('error_login_disabled');
	if (!user.emailConfirmedAt) throw new ValidationError('error_login_unconfirmed');

	await clearBuckets(db, [buckets.accountAddress, buckets.account]);
	await updateUser(db, user.id, { lastLoginAt: nowDb() }, nowDb());
	const session = await createSession(db, user.id, deviceLabelFrom(input.userAgent));
	logger.info('login', { userId: user.id });
	return { ...session, userId: user.id, locale: user.locale };
}
