import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../audit/audit';
import { requireCoordinator, type Actor } from '../../auth/actor';
import { sha256Hex } from '../../auth/crypto';
import { findEditionById } from '../../campaigns/edition.repository';
import { publicOrigin } from '../../config';
import type { Database, Locale } from '../../db/schema';
import { fromDbTime, nowDb } from '../../db/time';
import { withTransaction } from '../../db/transaction';
import { ForbiddenError, NotFoundError } from '../../errors';
import * as repo from './calendar-feed.repository';
import { lockTrainers } from '../slots/slot-locks.repository';

/** Whose calendar: a trainer's own (editionId null) or a coordinator's view of one edition. */
export type FeedScope = { editionId: number | null };

export interface ResolvedFeed {
	userId: number;
	editionId: number | null;
	locale: Locale;
}

/** 32 random bytes in base64url: always 43 characters of this alphabet. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

const newFeedToken = () => randomBytes(32).toString('base64url');

/** Checks that the actor may have this feed; returns the edition's name for an edition feed. */
async function assertMayHaveFeed(db: Kysely<Database>, actor: Actor, scope: FeedScope): Promise<string | null> {
	if (scope.editionId === null) {
		if (!actor.roles.includes('trainer')) throw new ForbiddenError();
		return null;
	}
	requireCoordinator(actor);
	const edition = await findEditionById(db, scope.editionId);
	if (!edition) throw new NotFoundError();
	return edition.name;
}

/** The https address of a feed and the webcal:// one that calendar apps open directly. */
export function feedUrls(token: string): { https: string; webcal: string } {
	const https = `${publicOrigin()}/api/calendar/${token}.ics`;
	return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/**
 * Creates the actor's feed, or replaces it: the previous address stops working at
 * once. The token is returned this one time only; the database keeps its hash.
 */
export async function regenerateFeed(
	db: Kysely<Database>,
	actor: Actor,
	scope: FeedScope
): Promise<{ token: string; urls: { https: string; webcal: string } }> {
	await assertMayHaveFeed(db, actor, scope);
	const token = newFeedToken();
	await withTransaction(db, async (trx) => {
		// Two clicks at once must still leave one working address: the user's row lock queues them.
		await lockTrainers(trx, [actor.id]);
		const now = nowDb();
		const revoked = await repo.revokeActiveFeeds(trx, actor.id, scope.editionId, now);
		const id = await repo.insertFeed(trx, { tokenHash: sha256Hex(token), userId: actor.id, editionId: scope.editionId, now });
		await audit(trx, {
			actorId: actor.id,
			action: 'calendar_feed.regenerated',
			entityType: 'calendar_feed',
			entityId: id,
			after: { editionId: scope.editionId, revoked }
		});
	});
	return { token, urls: feedUrls(token) };
}

/**
 * Whether the actor has a working feed and since when (the address itself is never
 * shown again), with the edition's name for an edition feed.
 */
export async function feedStatus(db: Kysely<Database>, actor: Actor, scope: FeedScope): Promise<{ createdAt: Date | null; editionName: string | null }> {
	const editionName = await assertMayHaveFeed(db, actor, scope);
	const feed = await repo.findActiveFeed(db, actor.id, scope.editionId);
	return { createdAt: feed ? fromDbTime(feed.createdAt) : null, editionName };
}

/**
 * The feed behind a token from an address, or null for anything that is not a
 * working feed: malformed, unknown, revoked, or its owner disabled or without the
 * role. Callers answer every null the same way, so nobody learns which it was.
 */
export async function resolveFeedToken(db: Kysely<Database>, token: string): Promise<ResolvedFeed | null> {
	if (!tokenPattern.test(token)) return null;
	const feed = await repo.findFeedByTokenHash(db, sha256Hex(token));
	if (!feed || feed.disabled || !feed.hasRole) return null;
	return { userId: feed.userId, editionId: feed.editionId, locale: feed.locale };
}
