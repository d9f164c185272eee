import type { Db } from '../db';
import type { TokenPurpose } from '../db/schema';
import { addMs, clock, days, hours, minutes, nowDb, toDbTime } from '../db/time';
import { ValidationError } from '../errors';
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
	await db
		.updateTable('authTokens')
		.set({ usedAt: toDbTime(now) })
		.where('userId', '=', userId)
		.where('purpose', '=', purpose)
		.where('usedAt', 'is', null)
		.execute();
	await db
		.insertInto('authTokens')
		.values({
			tokenHash: sha256Hex(token),
			purpose,
			userId,
			createdAt: toDbTime(now),
			expiresAt: toDbTime(addMs(now, tokenLifetimes[purpose]))
		})
		.execute();
	return token;
}

/** The user a still-valid token belongs to, without using it (for the GET page). */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<number | null> {
	const row = await db
		.selectFrom('authTokens')
		.select('userId')
		.where('tokenHash', '=', sha256Hex(token))
		.where('purpose', '=', purpose)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', nowDb())
		.executeTakeFirst();
	return row?.userId ?? null;
}

/**
 * Uses a token exactly once: the conditional UPDATE decides, so two tabs posting
 * the same link at the same moment cannot both succeed.
 */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose): Promise<number> {
	const tokenHash = sha256Hex(token);
	const now = nowDb();
	const result = await db
		.updateTable('authTokens')
		.set({ usedAt: now })
		.where('tokenHash', '=', tokenHash)
		.where('purpose', '=', purpose)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new ValidationError('error_link_invalid');
	const row = await db.selectFrom('authTokens').select('userId').where('tokenHash', '=', tokenHash).executeTakeFirstOrThrow();
	return row.userId;
}
