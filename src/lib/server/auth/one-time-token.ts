import type { Db } from '../db';
import type { TokenPurpose } from '../db/schema';
import { addMs, clock, days, hours, minutes, nowDb, toDbTime } from '../db/time';
import { ValidationError } from '../errors';
import { findTokenUserId, findValidToken, insertToken, useUnusedTokensOf, useValidToken } from './auth-token.repository';
import { newToken, sha256Hex } from './crypto';

/** How long each kind of one-time link lives. */
export const tokenLifetimes: Record<TokenPurpose, number> = {
	email_confirm: days(3),
	invite: days(7),
	password_reset: hours(1),
	login_link: minutes(15)
};

/**
 * Issues a one-time token; earlier unused tokens of the same purpose for the same
 * user stop working, so only the newest mail's link is valid.
 */
export async function issueToken(db: Db, userId: number, purpose: TokenPurpose): Promise<string> {
	const token = newToken();
	const now = clock.now();
	await useUnusedTokensOf(db, userId, purpose, toDbTime(now));
	await insertToken(db, { tokenHash: sha256Hex(token), purpose, userId, createdAt: toDbTime(now), expiresAt: toDbTime(addMs(now, tokenLifetimes[purpose])) });
	return token;
}

/** The user a still-valid token belongs to, without using it (for the GET page). */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<number | null> {
	return (await findValidToken(db, sha256Hex(token), purpose, nowDb()))?.userId ?? null;
}

/**
 * Uses a token exactly once: the conditional UPDATE decides, so two tabs posting
 * the same link at the same moment cannot both succeed.
 */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose): Promise<number> {
	const tokenHash = sha256Hex(token);
	if (!(await useValidToken(db, tokenHash, purpose, nowDb()))) throw new ValidationError('error_link_invalid');
	return findTokenUserId(db, tokenHash);
}
