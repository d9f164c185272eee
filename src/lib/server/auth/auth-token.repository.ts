import type { Db } from '../db';
import type { TokenPurpose } from '../db/schema';
import type { DbTime } from '../db/time';

/** Marks the user's unused tokens of a purpose used, so only the newest link works. */
export const useUnusedTokensOf = (db: Db, userId: number, purpose: TokenPurpose, at: DbTime) =>
	db.updateTable('authTokens').set({ usedAt: at }).where('userId', '=', userId).where('purpose', '=', purpose).where('usedAt', 'is', null).execute();

export const insertToken = (db: Db, row: { tokenHash: string; purpose: TokenPurpose; userId: number; createdAt: DbTime; expiresAt: DbTime }) =>
	db.insertInto('authTokens').values(row).execute();

/** The user of an unused, unexpired token, or undefined. */
export const findValidToken = (db: Db, tokenHash: string, purpose: TokenPurpose, now: DbTime) =>
	db
		.selectFrom('authTokens')
		.select('userId')
		.where('tokenHash', '=', tokenHash)
		.where('purpose', '=', purpose)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();

/** Marks an unused, unexpired token used; true only for the one caller whose UPDATE changed the row. */
export async function useValidToken(db: Db, tokenHash: string, purpose: TokenPurpose, now: DbTime): Promise<boolean> {
	const result = await db
		.updateTable('authTokens')
		.set({ usedAt: now })
		.where('tokenHash', '=', tokenHash)
		.where('purpose', '=', purpose)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export const findTokenUserId = async (db: Db, tokenHash: string): Promise<number> =>
	(await db.selectFrom('authTokens').select('userId').where('tokenHash', '=', tokenHash).executeTakeFirstOrThrow()).userId;
