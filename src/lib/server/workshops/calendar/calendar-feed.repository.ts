import type { Db } from '../../db/index';
import type { DbTime } from '../../db/time';

/** editionId NULL is a trainer's own feed: `is` makes NULL compare as a value. */
const editionOp = (editionId: number | null) => (editionId === null ? 'is' : '=');

/** Ends the active feed of this user (and edition); returns how many rows it ended. */
export async function revokeActiveFeeds(db: Db, userId: number, editionId: number | null, now: DbTime): Promise<number> {
	const result = await db
		.updateTable('calendarFeeds')
		.set({ revokedAt: now })
		.where('userId', '=', userId)
		.where('editionId', editionOp(editionId), editionId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * Ends every active feed of the user (own and edition feeds): a disabled account's
 * addresses must not start working again when it is re-enabled.
 */
export async function revokeAllFeedsOfUser(db: Db, userId: number, now: DbTime): Promise<number> {
	const result = await db.updateTable('calendarFeeds').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function insertFeed(db: Db, row: { tokenHash: string; userId: number; editionId: number | null; now: DbTime }): Promise<number> {
	const result = await db
		.insertInto('calendarFeeds')
		.values({ tokenHash: row.tokenHash, userId: row.userId, editionId: row.editionId, createdAt: row.now, revokedAt: null })
		.executeTakeFirstOrThrow();
	return Number(result.insertId);
}

export const findActiveFeed = (db: Db, userId: number, editionId: number | null) =>
	db
		.selectFrom('calendarFeeds')
		.select(['id', 'createdAt'])
		.where('userId', '=', userId)
		.where('editionId', editionOp(editionId), editionId)
		.where('revokedAt', 'is', null)
		.orderBy('id', 'desc')
		.executeTakeFirst();

/**
 * The active feed behind a token hash, with what the feed needs to know about its
 * owner: a disabled account, or one that lost the role, gets no calendar.
 */
export const findFeedByTokenHash = (db: Db, tokenHash: string) =>
	db
		.selectFrom('calendarFeeds')
		.innerJoin('users', 'users.id', 'calendarFeeds.userId')
		.select((eb) => [
			'calendarFeeds.id',
			'calendarFeeds.userId',
			'calendarFeeds.editionId',
			'users.locale',
			'users.disabled',
			eb
				.exists(
					eb
						.selectFrom('userRoles')
						.select('userRoles.userId')
						.whereRef('userRoles.userId', '=', 'calendarFeeds.userId')
						.where((w) =>
							w.or([
								w.and([w('calendarFeeds.editionId', 'is', null), w('userRoles.role', '=', 'trainer')]),
								w.and([w('calendarFeeds.editionId', 'is not', null), w('userRoles.role', '=', 'coordinator')])
							])
						)
				)
				.as('hasRole')
		])
		.where('calendarFeeds.tokenHash', '=', tokenHash)
		.where('calendarFeeds.revokedAt', 'is', null)
		.executeTakeFirst();
